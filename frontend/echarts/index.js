// The ECharts build the site serves: only what static/js/charts.js draws (bar and line
// series on a category and a value axis, a legend and a tooltip) on the canvas renderer,
// exposed as the same global `echarts` the full build defines. Add a chart type or
// component here before charts.js uses it, then run `make echarts`.
import { init, use } from "echarts/core";
import { BarChart, LineChart } from "echarts/charts";
import { GridSimpleComponent, LegendPlainComponent, TooltipComponent } from "echarts/components";
import { CanvasRenderer } from "echarts/renderers";

use([BarChart, LineChart, GridSimpleComponent, LegendPlainComponent, TooltipComponent, CanvasRenderer]);

export { init };
