// Owns the last line of defence against a blank screen: a render error shows a calm message and a way to carry on.
// (React only offers error boundaries as class components.)
import { Component, type ReactNode } from 'react';
import { t } from '../locale/zh-CN';

interface Props {
  children: ReactNode;
  /** What to show instead of the failed part; by default the whole-window notice with 重新加载. */
  fallback?: (retry: () => void) => ReactNode;
}

interface State {
  error: Error | null;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error) {
    console.error(error);
  }

  private readonly retry = () => this.setState({ error: null });

  override render() {
    if (!this.state.error) return this.props.children;
    if (this.props.fallback) return this.props.fallback(this.retry);
    return (
      <div className="crash" role="alert" data-testid="error-boundary">
        <div className="crash-card">
          <h1>{t.errors.boundaryTitle}</h1>
          <p>{t.errors.boundaryBody}</p>
          <button type="button" className="btn btn-primary btn-lg" onClick={() => window.location.reload()} autoFocus>
            {t.common.reload}
          </button>
          <details>
            <summary>{t.errors.details}</summary>
            <pre>{this.state.error.message}</pre>
          </details>
        </div>
      </div>
    );
  }
}
