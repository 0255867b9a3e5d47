/* Bar charts of metric values. Each element with data-chart names the json_script
   element holding a list of charts ({title, unit, items: [{name, value, text, url}]});
   data-chart-index picks one. The table next to each chart carries the same data. */
(function () {
  "use strict";

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

  function draw(element, chart) {
    var items = chart.items.slice().reverse(); // largest at the top of a horizontal bar chart
    var height = Math.max(180, items.length * 30 + 60);
    element.style.height = height + "px";
    var instance = window.echarts.init(element, null, { renderer: "canvas" });
    instance.setOption({
      animation: false,
      grid: { left: 8, right: 72, top: 8, bottom: 24, containLabel: true },
      tooltip: {
        trigger: "item",
        formatter: function (params) {
          var item = items[params.dataIndex];
          var div = document.createElement("div");
          div.textContent = item.name + "：" + item.text + "（折算 " + amount(item.value, chart.unit) + "）";
          return div.innerHTML;
        }
      },
      xAxis: {
        type: "value",
        axisLabel: { formatter: function (value) { return amount(value, ""); } }
      },
      yAxis: {
        type: "category",
        data: items.map(function (item) { return item.name; }),
        axisLabel: { width: 150, overflow: "truncate" }
      },
      series: [{
        type: "bar",
        data: items.map(function (item) { return item.value; }),
        itemStyle: { color: "#b3261e" },
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
    window.addEventListener("resize", function () { instance.resize(); });
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
      if (chart && chart.items.length) { draw(element, chart); }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
}());
