import { CustomChart, ScatterChart } from 'echarts/charts';
import { echarts } from '@/charts/echarts-core';

/**
 * The ECharts parts the Compare view adds to the shared set (src/charts/echarts-core registers line,
 * grid, tooltip, legend, title, markLine, aria and the SVG renderer): scatter points and the custom
 * series that draws the dumbbells' connectors. Imported for its side effect by the compare page.
 */
echarts.use([ScatterChart, CustomChart]);

export { echarts };
