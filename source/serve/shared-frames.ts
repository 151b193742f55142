/**
Frames built once per distinct view: every connection that has not pressed a key sees the same thing
as every other of its role and size (the lecture, the default selection), so one Ink instance renders
it for all of them and each connection's cell writer diffs the frame for its own client. A connection
that presses a key gets a view of its own (./served-view.tsx); a shared view nobody follows is ended.
*/
import {render} from 'ink';
import {createElement} from 'react';
import {SessionView} from '../app.js';
import type {SessionEngine} from '../session/session-engine.js';
import {FrameScreen} from '../terminal/frame-screen.js';
import {channelStdin} from './channel-stdin.js';

/** What makes two connections' frames the same: the session, the size and the role's standing words. */
export type SharedView = {
	session: SessionEngine;
	columns: number;
	rows: number;
	standing: string;
};

type Shared = {
	listeners: Set<(frame: string) => void>;
	last: string | undefined;
	/** Set once rendering starts (Ink draws the first frame inside `render`). */
	instance: ReturnType<typeof render> | undefined;
};

export class SharedFrames {
	readonly #views = new Map<string, Shared>();
	readonly #ids = new WeakMap<SessionEngine, number>();
	#nextId = 0;

	/** Views being rendered now (the bench and tests read it). */
	get count(): number {
		return this.#views.size;
	}

	/** Hears every frame of `session`'s default view at this size with these standing words, the latest at once; returns what stops it. */
	follow(view: SharedView, listener: (frame: string) => void): () => void {
		const {
			session, columns, rows, standing,
		} = view;
		const key = `${this.#idOf(session)} ${columns}x${rows} ${standing}`;
		let shared = this.#views.get(key);
		if (!shared) {
			const entry: Shared = {listeners: new Set(), last: undefined, instance: undefined};
			const screen = new FrameScreen(() => ({columns, rows}), frame => {
				entry.last = frame;
				for (const each of entry.listeners) {
					each(frame);
				}
			});
			entry.instance = render(createElement(SessionView, {session, isInteractive: false, standing}), {
				stdout: screen.asStdout(), stdin: channelStdin(), debug: true, exitOnCtrlC: false, patchConsole: false,
			});
			shared = entry;
			this.#views.set(key, shared);
		}

		shared.listeners.add(listener);
		if (shared.last !== undefined) {
			listener(shared.last);
		}

		const followed = shared;
		return () => {
			followed.listeners.delete(listener);
			if (followed.listeners.size === 0 && this.#views.get(key) === followed) {
				this.#views.delete(key);
				followed.instance?.unmount();
			}
		};
	}

	/** Ends every shared view. */
	close(): void {
		for (const shared of this.#views.values()) {
			shared.instance?.unmount();
		}

		this.#views.clear();
	}

	#idOf(session: SessionEngine): number {
		let id = this.#ids.get(session);
		if (id === undefined) {
			id = this.#nextId++;
			this.#ids.set(session, id);
		}

		return id;
	}
}
