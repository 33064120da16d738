// Loaded by echarts.ts when a chart draws a heatmap (activities and themes by department), with its colour scale.
import { HeatmapChart } from 'echarts/charts';
import { VisualMapContinuousComponent } from 'echarts/components';
import * as echarts from 'echarts/core';

echarts.use([HeatmapChart, VisualMapContinuousComponent]);
