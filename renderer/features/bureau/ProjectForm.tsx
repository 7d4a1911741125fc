// Owns the project form (项目信息) of a draft: name, applicant, supervisor, type, investment typed in 万元 (kept as integer fen), period, funding source, annual-plan status and summary, validated before saving; and removing the project.
import { useState } from 'react';
import { draftProjectFormSchema, type DraftProject, type DraftProjectForm } from '../../../shared/bureau';
import { projectTypes } from '../../../shared/manifest';
import { fenToWanExact } from '../../../shared/money';
import { parseAmountFen } from '../../../shared/scoreInput';
import { t } from '../../locale/zh-CN';
import { Field } from './Field';
import { fieldErrors, type FieldErrors } from './formErrors';
import { useBureau } from './store';

const FORM = 'project';

interface Typed {
  name: string;
  applicant: string;
  supervisor: string;
  type: DraftProjectForm['type'];
  investment: string;
  fundingSource: string;
  period: string;
  inAnnualPlan: boolean | null;
  summary: string;
}

/** The next free id p1, p2 … (ids become package paths). */
function nextId(existing: string[]): string {
  let n = existing.length + 1;
  while (existing.includes(`p${n}`)) n += 1;
  return `p${n}`;
}

export function ProjectForm({
  project,
  existingIds,
  onSaved,
  onRemoved,
}: {
  project: DraftProject | null;
  existingIds: string[];
  onSaved(id: string): void;
  onRemoved(): void;
}) {
  const [v, setV] = useState<Typed>(() =>
    project
      ? {
          ...project,
          investment: fenToWanExact(project.investmentFen),
          period: project.periodMonths === null ? '' : String(project.periodMonths),
          inAnnualPlan: project.inAnnualPlan,
        }
      : {
          name: '',
          applicant: '',
          supervisor: '',
          type: 'new',
          investment: '',
          fundingSource: '',
          period: '',
          inAnnualPlan: null,
          summary: '',
        },
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const patch = (p: Partial<Typed>) => setV((x) => ({ ...x, ...p }));

  const save = async () => {
    const problems: FieldErrors = {};
    const amount = parseAmountFen(v.investment, 'wan');
    if (!amount.ok) problems.investmentFen = amount.message;
    else if (amount.value === null) problems.investmentFen = t.bureau.project.investmentMissing;
    const period = v.period.trim() === '' ? null : Number(v.period.trim());
    if (period !== null && !Number.isInteger(period)) problems.periodMonths = t.bureau.project.periodInvalid;
    if (v.inAnnualPlan === null) problems.inAnnualPlan = t.bureau.project.planMissing;
    const parsed = draftProjectFormSchema.safeParse({
      id: project?.id ?? nextId(existingIds),
      name: v.name,
      applicant: v.applicant,
      supervisor: v.supervisor,
      type: v.type,
      investmentFen: amount.ok && amount.value !== null ? amount.value : 1,
      fundingSource: v.fundingSource,
      periodMonths: period !== null && Number.isInteger(period) ? period : null,
      inAnnualPlan: v.inAnnualPlan ?? false,
      summary: v.summary,
      budgetLines: project?.budgetLines ?? [],
    });
    const all = { ...(parsed.success ? {} : fieldErrors(parsed.error)), ...problems };
    setErrors(all);
    if (!parsed.success || Object.keys(problems).length) return;
    const saved = await useBureau.getState().edit('bureau.draft.saveProject', { project: parsed.data });
    if (saved) onSaved(parsed.data.id);
  };

  const remove = async () => {
    if (!project || !window.confirm(t.bureau.project.removeConfirm(project.name))) return;
    const saved = await useBureau.getState().edit('bureau.draft.removeProject', { projectId: project.id });
    if (saved) onRemoved();
  };

  return (
    <form
      className="bureau-form"
      data-testid="project-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3 className="bureau-h3">{project ? t.bureau.project.editTitle(project.name) : t.bureau.project.newTitle}</h3>
      <div className="bureau-grid">
        <Field form={FORM} path="name" label={t.bureau.project.name} errors={errors} wide>
          {(p) => <input {...p} value={v.name} onChange={(e) => patch({ name: e.target.value })} data-testid="project-name" />}
        </Field>
        <Field form={FORM} path="applicant" label={t.bureau.project.applicant} errors={errors}>
          {(p) => (
            <input {...p} value={v.applicant} onChange={(e) => patch({ applicant: e.target.value })} data-testid="project-applicant" />
          )}
        </Field>
        <Field form={FORM} path="supervisor" label={t.bureau.project.supervisor} errors={errors}>
          {(p) => (
            <input {...p} value={v.supervisor} onChange={(e) => patch({ supervisor: e.target.value })} data-testid="project-supervisor" />
          )}
        </Field>
        <Field form={FORM} path="type" label={t.bureau.project.type} errors={errors}>
          {(p) => (
            <select {...p} value={v.type} onChange={(e) => patch({ type: e.target.value as Typed['type'] })} data-testid="project-type">
              {projectTypes.map((x) => (
                <option key={x} value={x}>
                  {t.labels.projectTypes[x]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field form={FORM} path="investmentFen" label={t.bureau.project.investment} errors={errors}>
          {(p) => (
            <input
              {...p}
              inputMode="decimal"
              value={v.investment}
              onChange={(e) => patch({ investment: e.target.value })}
              placeholder="150"
              data-testid="project-investment"
            />
          )}
        </Field>
        <Field form={FORM} path="periodMonths" label={t.bureau.project.period} errors={errors}>
          {(p) => (
            <input
              {...p}
              inputMode="numeric"
              value={v.period}
              onChange={(e) => patch({ period: e.target.value })}
              data-testid="project-period"
            />
          )}
        </Field>
        <Field form={FORM} path="fundingSource" label={t.bureau.project.funding} errors={errors}>
          {(p) => (
            <input
              {...p}
              value={v.fundingSource}
              onChange={(e) => patch({ fundingSource: e.target.value })}
              placeholder={t.bureau.project.fundingHint}
              data-testid="project-funding"
            />
          )}
        </Field>
        <fieldset className={`bureau-field bureau-radios${errors.inAnnualPlan ? ' invalid' : ''}`} data-testid="project-plan">
          <legend>{t.bureau.project.plan}</legend>
          <label>
            <input
              type="radio"
              name="inAnnualPlan"
              checked={v.inAnnualPlan === true}
              onChange={() => patch({ inAnnualPlan: true })}
              data-testid="project-plan-yes"
            />
            {t.bureau.project.planYes}
          </label>
          <label>
            <input
              type="radio"
              name="inAnnualPlan"
              checked={v.inAnnualPlan === false}
              onChange={() => patch({ inAnnualPlan: false })}
              data-testid="project-plan-no"
            />
            {t.bureau.project.planNo}
          </label>
          {errors.inAnnualPlan && (
            <span className="bureau-error" role="alert">
              {errors.inAnnualPlan}
            </span>
          )}
        </fieldset>
        <Field form={FORM} path="summary" label={t.bureau.project.summary} errors={errors} wide>
          {(p) => (
            <textarea
              {...p}
              rows={3}
              value={v.summary}
              onChange={(e) => patch({ summary: e.target.value })}
              data-testid="project-summary"
            />
          )}
        </Field>
      </div>
      <div className="bureau-actions">
        <button type="submit" className="btn btn-primary" data-testid="project-save">
          {project ? t.bureau.project.save : t.bureau.project.create}
        </button>
        {project && (
          <button type="button" className="btn btn-danger" onClick={() => void remove()} data-testid="project-remove">
            {t.bureau.project.remove}
          </button>
        )}
      </div>
    </form>
  );
}
