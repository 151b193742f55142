import {Component, type ReactNode} from 'react';

type Props = {
	readonly children: ReactNode;
	readonly onError: (error: Error) => void;
};

type State = {failed: boolean};

/**
Catches a rendering error so that the shell can restore the terminal and say what happened in one
line, instead of Ink's overview with a stack trace.
*/
export class ErrorBoundary extends Component<Props, State> {
	static getDerivedStateFromError(): State {
		return {failed: true};
	}

	override state: State = {failed: false};

	override componentDidCatch(error: Error): void {
		this.props.onError(error);
	}

	override render(): ReactNode {
		return this.state.failed ? null : this.props.children;
	}
}
