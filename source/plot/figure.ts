/**
A figure as data: the series and marks `sandpiper plot` draws, built from a report by pure functions
and drawn twice, as SVG (./spec/ through Vega-Lite) and as text (./text/). Names from the input are
already made safe here (../terminal/safe-text.ts), so neither drawing sees a control character.
*/
export type FigureKind = 'timeline' | 'policies' | 'tradeoff' | 'migration';

export const figureKinds: readonly FigureKind[] = ['timeline', 'policies', 'tradeoff', 'migration'];

export type Resource = 'cpu' | 'memory' | 'network';

/** Times are in the figure's own unit (`timeUnit`): minutes for a run of up to two hours, else hours. */
export type TimelineFigure = {
	kind: 'timeline';
	title: string;
	/** Lines under the title: which hosts, and how to read the marks. */
	subtitle: string[];
	timeUnit: 'min' | 'h';
	endTime: number;
	/** The drawn hosts, top to bottom. */
	hosts: string[];
	thresholds: Array<{resource: Resource; value: number}>;
	samples: Array<{host: string; resource: Resource; time: number; value: number}>;
	/** Sustained overload as the yardstick counts it (k of the last n intervals over a threshold). */
	hot: Array<{host: string; from: number; to: number}>;
	/** Hotspot episodes, from their first detection to their cure (or the end of the run, `cured` false). */
	episodes: Array<{host: string; resource: string; from: number; to: number; cured: boolean}>;
	migrations: Array<{
		vm: string; from: string; to: string; mode: string; start: number; end: number | null; downtimeSeconds: number | null;
	}>;
};

export type Interval = {mean: number; low: number; high: number};

export type PoliciesFigure = {
	kind: 'policies';
	title: string;
	/** What the error bars are: `± sd over 10 seeds`, `95 % interval over seeds`. */
	spread: string;
	metrics: string[];
	/** Groups (a sweep's source and parameters) beside each other; one group named '' for an eval. */
	groups: string[];
	policies: string[];
	bars: Array<Interval & {metric: string; policy: string; group: string}>;
};

export type TradeoffFigure = {
	kind: 'tradeoff';
	title: string;
	spread: string;
	energyLabel: string;
	slaLabel: string;
	groups: string[];
	points: Array<{policy: string; group: string; energy: Interval; sla: Interval}>;
};

export type MigrationFigure = {
	kind: 'migration';
	title: string;
	/** Data sent per mode, a segment per pre-copy round (one for post-copy and stop-and-copy). */
	segments: Array<{mode: string; part: string; order: number; dataMiB: number}>;
	totals: Array<{mode: string; dataMiB: number; totalSeconds: number; downtimeSeconds: number}>;
	/** CloudSim's estimate of the migration's time, when the input has it. */
	cloudsimSeconds: number | null;
};

export type Figure = TimelineFigure | PoliciesFigure | TradeoffFigure | MigrationFigure;
