import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatRatio, meanPosition, trustDomain, type TrustRow } from './quality';

const TRUST_COLOR = '#3451b2';
const PAUSED_COLOR = '#dc6803';
const GOLD_COLOR = '#32d583';

/**
 * Trust per annotator as its interval (a floating bar from lower to upper) with a mark at the
 * mean, next to the annotator's gold accuracy. One row per annotator, lowest trust at the top.
 */
export function TrustChart({ rows }: { rows: TrustRow[] }) {
  const height = Math.max(160, rows.length * 46 + 70);
  return (
    <div id="trust-chart" className="chart" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }} barGap={2}>
          <CartesianGrid horizontal={false} stroke="#eaecf0" />
          <XAxis type="number" domain={trustDomain(rows)} tickCount={6} tickFormatter={(v: number) => v.toFixed(1)} />
          <YAxis type="category" dataKey="name" width={140} tick={{ fontSize: 12 }} interval={0} />
          <Tooltip
            cursor={{ fill: '#f2f4f7' }}
            content={(props) => <TrustTooltip active={props.active} payload={props.payload} />}
          />
          <Legend />
          <Bar
            dataKey="range"
            name="Trust: interval, mark at the mean"
            fill={TRUST_COLOR}
            isAnimationActive={false}
            shape={(props: unknown) => <TrustRange {...(props as TrustRangeProps)} />}
          />
          <Bar dataKey="goldAccuracy" name="Gold accuracy" fill={GOLD_COLOR} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

interface TrustRangeProps {
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  payload?: TrustRow;
}

/** The interval as a light bar with a strong mark at the mean; paused annotators in orange. */
function TrustRange({ x = 0, y = 0, width = 0, height = 0, payload }: TrustRangeProps) {
  if (!payload) return null;
  const color = payload.paused ? PAUSED_COLOR : TRUST_COLOR;
  // Recharts may hand a reversed range as a negative width.
  const left = width < 0 ? x + width : x;
  const w = Math.abs(width);
  const meanX = left + w * meanPosition(payload);
  return (
    <g className="trust-range">
      <rect x={left} y={y} width={Math.max(w, 1)} height={Math.max(0, height)} fill={color} fillOpacity={0.35} rx={2} />
      <rect x={meanX - 2} y={y - 2} width={4} height={Math.max(0, height) + 4} fill={color} />
    </g>
  );
}

function TrustTooltip({
  active,
  payload,
}: {
  active?: boolean;
  payload?: ReadonlyArray<{ payload?: unknown }>;
}) {
  const row = payload?.[0]?.payload as TrustRow | undefined;
  if (!active || !row) return null;
  return (
    <div className="chart-tooltip">
      <strong>{row.name}</strong>
      {row.paused && <span className="muted"> (paused)</span>}
      <div>
        Trust {row.trust.toFixed(2)} ({row.lower.toFixed(2)}–{row.upper.toFixed(2)})
      </div>
      <div>Gold accuracy {formatRatio(row.goldAccuracy)}</div>
    </div>
  );
}
