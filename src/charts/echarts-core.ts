import { BarChart, LineChart, MapChart, ScatterChart } from 'echarts/charts';
import { AriaComponent, GraphicComponent, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

/**
 * ECharts, tree-shaken: only what our charts use is registered (platform-notes §0.12). Import `echarts`
 * from here, never from 'echarts'. SVG renderer: crisp text, the same output in the browser and in
 * server-side rendering (tests, CLI figures). Scatter draws the indicator chart's baseline ring, bars the
 * breakdown chart (with decal patterns, via the aria component); map (with its geo) the district maps,
 * graphic their legends.
 */
echarts.use([LineChart, ScatterChart, BarChart, MapChart, GraphicComponent, GridComponent, TooltipComponent, LegendComponent, TitleComponent, MarkLineComponent, AriaComponent, SVGRenderer]);

export { echarts };
