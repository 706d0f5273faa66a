'use client';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { CategoryBarProps } from './category-bar-chart';

// The Recharts half of CategoryBarChart, loaded on demand (components/charts/lazy.tsx).
export default function CategoryBarPlot({
  data,
  series,
  unit,
  yFormat,
}: Omit<CategoryBarProps<{ key: string }>, 'label' | 'height'>) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} margin={{ top: 4, right: 8, bottom: 0, left: 8 }}>
        <CartesianGrid stroke="#e2e8f0" vertical={false} />
        <XAxis dataKey="key" tick={{ fontSize: 11 }} interval={0} />
        <YAxis
          width={56}
          tick={{ fontSize: 11 }}
          tickFormatter={yFormat}
          allowDecimals={false}
          label={{ value: unit, angle: -90, position: 'insideLeft', fontSize: 11 }}
        />
        <Tooltip
          formatter={(v) => (typeof v === 'number' && yFormat ? yFormat(v) : String(v))}
          isAnimationActive={false}
        />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {series.map((s) => (
          <Bar
            key={s.key}
            dataKey={s.key}
            name={s.label}
            fill={s.color}
            stackId={s.stack}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
