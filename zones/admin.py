from django.contrib import admin

from .models import Zone


@admin.register(Zone)
class ZoneAdmin(admin.ModelAdmin):
    list_display = ("name", "province", "city", "level")
    search_fields = ("name", "full_name", "aliases")
