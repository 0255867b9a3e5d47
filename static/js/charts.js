/* Charts of metric values (core/charts.py shapes them). Each element with data-chart names
   the json_script element holding a list of charts; data-chart-index picks one.
   - "bar": {title, unit, items: [{name, value, text, url}]}, horizontal bars, largest on top;
   - "series": {title, unit, years, series: [{name, line, values, texts, urls}]}: figures by
     year, a line for a series with several years, a bar where it has one.
   The table next to each chart carries the same data. */
(function () {
  "use strict";

  var COLORS = ["#b3261e", "#1f5fa8", "#2e7d32", "#b26a00", "#6a3d9a", "#00838f", "#5d4037", "#c2185b"];

  function trim(number) {
    return String(Number(number.toFixed(2)));
  }

  function amount(value, unit) {
    var magnitude = Math.abs(value);
    var text;
    if (magnitude >= 1e8) { text = trim(value / 1e8) + "亿"; }
    else if (magnitude >= 1e4) { text = trim(value / 1e4) + "万"; }
    else { text = trim(value); }
    return text + (unit || "");
  }

  function escaped(text) {
    var div = document.createElement("div");
    div.textContent = text;
    return div.innerHTML;
  }

  function narrow(element) {
    return element.clientWidth < 480;
  }

  function start(element, height) {
    element.style.height = height + "px";
    var instance = window.echarts.init(element, null, { renderer: "canvas" });
    window.addEventListener("resize", function () { instance.resize(); });
    return instance;
  }

  function drawBars(element, chart) {
    var items = chart.items.slice().reverse(); // largest at the top of a horizontal bar chart
    var instance = start(element, Math.max(180, items.length * 30 + 60));
    instance.setOption({
      animation: false,
      grid: { left: 8, right: 72, top: 8, bottom: 24, containLabel: true },
      tooltip: {
        trigger: "item",
        formatter: function (params) {
          var item = items[params.dataIndex];
          return escaped(item.name + "：" + item.text + "（折算 " + amount(item.value, chart.unit) + "）");
        }
      },
      xAxis: {
        type: "value",
        // A phone's plot is about 100 px wide: two intervals keep evenly spaced labels that fit,
        // where five would have some hidden (hideOverlap) and the rest uneven.
        splitNumber: narrow(element) ? 2 : 5,
        axisLabel: { hideOverlap: true, formatter: function (value) { return amount(value, ""); } }
      },
      yAxis: {
        type: "category",
        data: items.map(function (item) { return item.name; }),
        axisLabel: { width: narrow(element) ? 140 : 190, overflow: "truncate" }
      },
      series: [{
        type: "bar",
        data: items.map(function (item) { return item.value; }),
        barMaxWidth: 28,
        itemStyle: { color: COLORS[0] },
        label: {
          show: true,
          position: "right",
          formatter: function (params) { return amount(params.value, chart.unit); }
        }
      }]
    });
    instance.on("click", function (params) {
      var item = items[params.dataIndex];
      if (item && item.url) { window.location.href = item.url; }
    });
  }

  function drawSeries(element, chart) {
    var years = chart.years.map(String);
    var several = chart.series.length > 1;
    var legendHeight = several ? (narrow(element) ? 24 * Math.ceil(chart.series.length / 2) : 28) : 0;
    var instance = start(element, (narrow(element) ? 240 : 280) + legendHeight);
    instance.setOption({
      animation: false,
      color: COLORS,
      legend: { show: several, top: 0, type: "plain", itemGap: 12 },
      grid: { left: 8, right: 24, top: legendHeight + 16, bottom: 8, containLabel: true },
      tooltip: {
        trigger: "item",
        formatter: function (params) {
          var series = chart.series[params.seriesIndex];
          var text = series.texts[params.dataIndex];
          return escaped(series.name + " " + years[params.dataIndex] + "年：" + text +
            "（折算 " + amount(params.value, chart.unit) + "）");
        }
      },
      xAxis: { type: "category", data: years, axisLabel: { hideOverlap: true } },
      yAxis: {
        type: "value",
        axisLabel: { formatter: function (value) { return amount(value, chart.unit); } }
      },
      series: chart.series.map(function (series) {
        return {
          name: series.name,
          type: series.line ? "line" : "bar",
          data: series.values,
          connectNulls: true,
          symbolSize: 8,
          barMaxWidth: 28
        };
      })
    });
    instance.on("click", function (params) {
      var series = chart.series[params.seriesIndex];
      var url = series && series.urls[params.dataIndex];
      if (url) { window.location.href = url; }
    });
  }

  function init() {
    if (!window.echarts) { return; }
    var cache = {};
    document.querySelectorAll("[data-chart]").forEach(function (element) {
      var id = element.getAttribute("data-chart");
      if (!(id in cache)) {
        var source = document.getElementById(id);
        cache[id] = source ? JSON.parse(source.textContent) : [];
      }
      var chart = cache[id][Number(element.getAttribute("data-chart-index") || 0)];
      if (!chart) { return; }
      if (chart.type === "series" && chart.series.length) { drawSeries(element, chart); }
      else if (chart.type !== "series" && chart.items.length) { drawBars(element, chart); }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
}());
