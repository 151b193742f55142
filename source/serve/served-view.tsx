/**
One connection's dashboard: the lecture as the connection's role allows, or a fork of its own. F forks
the lecture at its current tick (every key works there), R drops the fork and rejoins the lecture; a
fork is dropped too when the connection goes. Each switch starts the view afresh (its own selection).
*/
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
};

export function ServedView({lecture, role, onLog}: ServedViewProps) {
	const [fork, setFork] = useState<Fork | undefined>(undefined);
	// The fork as the key handler and the clean-up see it, set with the state.
	const current = useRef<Fork | undefined>(undefined);
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
			setFork(made);
			return true;
		}

		if (input === 'R' && current.current) {
			lecture.drop(current.current.session);
			onLog(`dropped the fork from tick ${current.current.fromTick} and rejoined`);
			current.current = undefined;
			setFork(undefined);
			return true;
		}

		return false;
	};

	return (
		<SessionView
			key={fork ? `fork-${fork.fromTick}` : 'lecture'}
			isInteractive
			session={fork?.session ?? lecture.session}
			refuse={action => refusalFor(role, place, action)}
			standing={standingFor(role, place)}
			onOwnKey={onOwnKey}
		/>
	);
}
