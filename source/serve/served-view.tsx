/**
One connection's dashboard. Until its first key it shows the lecture's shared frame for its role and
size (./shared-frames.ts: built once for everyone alike); the first key gives it a view of its own, the
key taken there as if typed. F forks the lecture at its current tick (every key works there), R drops
the fork and rejoins the lecture; a fork is dropped too when the connection goes.
*/
import {useInput} from 'ink';
import {useEffect, useRef, useState} from 'react';
import {SessionView} from '../app.js';
import type {KeyInfo} from '../ui/keymap.js';
import type {Fork, Lecture} from './lecture.js';
import {
	refusalFor, standingFor, type Place, type Role,
} from './roles.js';

export type ServedViewProps = {
	readonly lecture: Lecture;
	readonly role: Role;
	/** A line for the server's log (a fork made or dropped). */
	readonly onLog: (line: string) => void;
	/** Whether the connection shows the shared frame (true) or this view's own (false). */
	readonly onShared: (shared: boolean) => void;
};

type Mode = {kind: 'shared'} | {kind: 'own'; firstKeys: ReadonlyArray<readonly [string, KeyInfo]>};

/** The shared frame's keys: the first one makes the view the connection's own. */
function FirstKey({onKey}: {readonly onKey: (input: string, key: KeyInfo) => void}) {
	useInput(onKey);
	return null;
}

export function ServedView({
	lecture, role, onLog, onShared,
}: ServedViewProps) {
	const [fork, setFork] = useState<Fork | undefined>(undefined);
	const [mode, setMode] = useState<Mode>({kind: 'shared'});
	// The fork as the key handler and the clean-up see it, set with the state.
	const current = useRef<Fork | undefined>(undefined);
	const shared = mode.kind === 'shared' && !fork;
	useEffect(() => {
		onShared(shared);
	}, [shared, onShared]);
	// The fork goes with the connection.
	useEffect(() => () => {
		if (current.current) {
			lecture.drop(current.current.session);
		}
	}, [lecture]);

	const place: Place = fork ? {kind: 'fork', fromTick: fork.fromTick} : {kind: 'lecture'};
	const onOwnKey = (input: string, key: KeyInfo): boolean | string => {
		if (key.ctrl === true || key.meta === true) {
			return false;
		}

		if (input === 'F') {
			if (current.current) {
				return 'you are in a fork already: R rejoins the lecture, then F forks it again';
			}

			const made = lecture.fork();
			if ('refused' in made) {
				return made.refused;
			}

			onLog(`forked the lecture at tick ${made.fromTick}`);
			current.current = made;
			setMode({kind: 'own', firstKeys: []});
			setFork(made);
			return true;
		}

		if (input === 'R' && current.current) {
			lecture.drop(current.current.session);
			onLog(`dropped the fork from tick ${current.current.fromTick} and rejoined`);
			current.current = undefined;
			setMode({kind: 'own', firstKeys: []});
			setFork(undefined);
			return true;
		}

		return false;
	};

	if (shared) {
		return (
			<FirstKey onKey={(input, key) => {
				setMode({kind: 'own', firstKeys: [[input, key]]});
			}}/>
		);
	}

	return (
		<SessionView
			key={fork ? `fork-${fork.fromTick}` : 'lecture'}
			isInteractive
			session={fork?.session ?? lecture.session}
			refuse={action => refusalFor(role, place, action)}
			standing={standingFor(role, place)}
			firstKeys={fork === undefined && mode.kind === 'own' ? mode.firstKeys : undefined}
			onOwnKey={onOwnKey}
		/>
	);
}
