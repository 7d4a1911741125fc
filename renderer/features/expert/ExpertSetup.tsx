// Owns the first-run screen: before anything else, the expert enters the profile (专家信息).
import { t } from '../../locale/zh-CN';
import { ExpertForm } from './ExpertForm';

export function ExpertSetup() {
  return (
    <main className="start expert-setup">
      <section className="start-hero">
        <div className="start-brand">
          <span className="brand-mark brand-mark-lg" aria-hidden="true">
            评
          </span>
          <div>
            <h1 className="start-title">{t.appName}</h1>
            <p className="start-tagline">{t.expert.firstRun}</p>
          </div>
        </div>
        <ExpertForm />
      </section>
    </main>
  );
}
