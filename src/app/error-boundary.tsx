import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useI18n } from '@/i18n/i18n-context';

function Fallback({ onRetry }: { onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <div className="card error-box" role="alert">
      <h2>{t('error.title')}</h2>
      <p>{t('error.body')}</p>
      <button type="button" className="button secondary" onClick={onRetry}>
        {t('error.retry')}
      </button>
    </div>
  );
}

/**
 * Keeps a failing view from taking the whole app down: the rest of the shell (navigation, language,
 * data) stays usable and the user can retry. One per feature, reset when `resetKey` changes.
 */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey?: string }, { failed: boolean; key: string | undefined }> {
  override state = { failed: false, key: this.props.resetKey };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: { resetKey?: string }, state: { failed: boolean; key: string | undefined }) {
    return props.resetKey !== state.key ? { failed: false, key: props.resetKey } : null;
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // Kept for developers; the user sees the fallback.
    console.warn('view failed', error, info.componentStack);
  }

  override render() {
    return this.state.failed ? <Fallback onRetry={() => this.setState({ failed: false })} /> : this.props.children;
  }
}
