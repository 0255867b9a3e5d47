import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_wsgi_application()

# Each server process loads the search dictionary as it starts, so no visitor's
# first search waits for it.
from articles.search.dictionary import load_dictionary  # noqa: E402

load_dictionary()
