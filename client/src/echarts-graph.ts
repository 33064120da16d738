// Loaded by echarts.ts when a chart draws a graph (the copy graph of the reuse view).
import { GraphChart } from 'echarts/charts';
import * as echarts from 'echarts/core';

echarts.use([GraphChart]);
