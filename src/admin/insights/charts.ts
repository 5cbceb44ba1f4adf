import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip, type ChartConfiguration } from 'chart.js';

// only what the dashboard draws: bar charts (plain, stacked, 100 % stacked, horizontal)
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

export { Chart };
export type BarConfig = ChartConfiguration<'bar', number[], string>;

export const PALETTE = ['#4945ff', '#ee5e52', '#328048', '#f29d41', '#0c75af', '#9736e8', '#d02b20', '#66b7f1', '#8e8ea9', '#32324d'];
export const colour = (i: number) => PALETTE[i % PALETTE.length];
