// Owns the session form of 新建评审会 / 基本信息: profile (评审规则), organiser, title, date, place, the roster (姓名、职称、单位、专业、证书指纹) and the chair (评审组长).
import { useState } from 'react';
import { draftSessionSchema, type DraftSession, type DraftView } from '../../../shared/bureau';
import { isBuiltInJurisdiction, jurisdictions } from '../../../shared/manifest';
import { useRemote } from '../../lib/useRemote';
import { t } from '../../locale/zh-CN';
import { Icon } from '../../ui/Icon';
import { reportError } from '../../kernel/notices';
import { Field } from './Field';
import { fieldErrors, type FieldErrors } from './formErrors';
import { useBureau } from './store';
import { DateField } from '../../ui/DateField';

type Expert = DraftSession['experts'][number];
const blankExpert = (): Expert => ({ name: '', title: '', employer: '', specialty: '', fingerprint: '' });
const FORM = 'session';

export function SessionForm({ view, onDone }: { view: DraftView | null; onDone?: () => void }) {
  const initial = view?.draft.session;
  const [s, setS] = useState<DraftSession>(
    initial ?? {
      jurisdiction: 'national',
      profileVersion: null,
      issuer: '',
      title: '',
      date: '',
      location: '',
      experts: [blankExpert(), blankExpert(), blankExpert()],
      chair: '',
    },
  );
  // The bureau's own profiles (规则配置) with a saved version can be chosen beside the built-in rules.
  const profiles = useRemote('bureau.profiles.list', {});
  const own = profiles.state === 'ready' ? profiles.value.filter((p) => !p.builtIn && p.latestVersion > 0) : [];
  const chosen = isBuiltInJurisdiction(s.jurisdiction) ? s.jurisdiction : `${s.jurisdiction}@${s.profileVersion ?? ''}`;
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const patch = (p: Partial<DraftSession>) => setS((x) => ({ ...x, ...p }));
  const patchExpert = (i: number, p: Partial<Expert>) =>
    setS((x) => ({ ...x, experts: x.experts.map((e, j) => (j === i ? { ...e, ...p } : e)) }));

  const submit = async () => {
    // Rows left wholly empty are not experts.
    const candidate = {
      ...s,
      experts: s.experts.filter((e) => e.name.trim() || e.title.trim() || e.employer.trim() || e.specialty.trim() || e.fingerprint.trim()),
    };
    const parsed = draftSessionSchema.safeParse(candidate);
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      if (view) {
        const saved = await useBureau.getState().edit('bureau.draft.saveSession', { session: parsed.data });
        if (saved) onDone?.();
      } else {
        await useBureau.getState().create(parsed.data);
        onDone?.();
      }
    } catch (err) {
      reportError(err);
    } finally {
      setBusy(false);
    }
  };

  const named = s.experts.map((e) => e.name.trim()).filter(Boolean);
  return (
    <form
      className="bureau-form"
      data-testid="session-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div className="bureau-grid">
        <Field form={FORM} path="jurisdiction" label={t.bureau.session.jurisdiction} errors={errors}>
          {(p) => (
            <select
              {...p}
              value={chosen}
              onChange={(e) => {
                const [jurisdiction, version] = e.target.value.split('@');
                patch({ jurisdiction, profileVersion: version ? Number(version) : null });
              }}
              data-testid="session-jurisdiction"
            >
              <optgroup label={t.profiles.draft.builtInGroup}>
                {jurisdictions.map((j) => (
                  <option key={j} value={j}>
                    {t.bureau.jurisdictions[j]}
                  </option>
                ))}
              </optgroup>
              {(own.length > 0 || !isBuiltInJurisdiction(s.jurisdiction)) && (
                <optgroup label={t.profiles.draft.ownGroup}>
                  {!isBuiltInJurisdiction(s.jurisdiction) && !own.some((o) => `${o.id}@${o.latestVersion}` === chosen) && (
                    <option value={chosen}>{t.profiles.draft.current(s.jurisdiction, s.profileVersion ?? 0)}</option>
                  )}
                  {own.map((o) => (
                    <option key={o.id} value={`${o.id}@${o.latestVersion}`}>
                      {t.profiles.draft.option(o.name, o.latestVersion)}
                    </option>
                  ))}
                </optgroup>
              )}
            </select>
          )}
        </Field>
        <Field form={FORM} path="issuer" label={t.bureau.session.issuer} errors={errors}>
          {(p) => (
            <input
              {...p}
              value={s.issuer}
              onChange={(e) => patch({ issuer: e.target.value })}
              placeholder={t.bureau.session.issuerHint}
              data-testid="session-issuer"
            />
          )}
        </Field>
        <Field form={FORM} path="title" label={t.bureau.session.title} errors={errors} wide>
          {(p) => <input {...p} value={s.title} onChange={(e) => patch({ title: e.target.value })} data-testid="session-title-input" />}
        </Field>
        <Field form={FORM} path="date" label={t.bureau.session.date} errors={errors}>
          {(p) => <DateField {...p} value={s.date} onChange={(date) => patch({ date })} testId="session-date" />}
        </Field>
        <Field form={FORM} path="location" label={t.bureau.session.location} errors={errors}>
          {(p) => <input {...p} value={s.location} onChange={(e) => patch({ location: e.target.value })} data-testid="session-location" />}
        </Field>
      </div>
      <fieldset className="bureau-group">
        <legend>{t.bureau.session.roster}</legend>
        {errors.experts && (
          <p className="bureau-error" role="alert">
            {errors.experts}
          </p>
        )}
        <table className="bureau-table bureau-roster">
          <thead>
            <tr>
              <th>#</th>
              <th>{t.bureau.session.expertName}</th>
              <th>{t.bureau.session.expertTitle}</th>
              <th>{t.bureau.session.expertEmployer}</th>
              <th>{t.bureau.session.expertSpecialty}</th>
              <th>{t.bureau.session.fingerprint}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {s.experts.map((e, i) => (
              <tr key={i} data-testid="roster-row">
                <td className="num">{i + 1}</td>
                {(['name', 'title', 'employer', 'specialty', 'fingerprint'] as const).map((k) => (
                  <td key={k}>
                    <input
                      value={e[k]}
                      onChange={(ev) => patchExpert(i, { [k]: ev.target.value })}
                      aria-label={t.bureau.session.rosterCell(i + 1, t.bureau.session.rosterFields[k])}
                      aria-invalid={Boolean(errors[`experts.${i}.${k}`])}
                      className={k === 'fingerprint' ? 'mono' : undefined}
                      placeholder={k === 'fingerprint' ? t.bureau.session.fingerprintHint : undefined}
                      data-testid={`roster-${k}`}
                    />
                    {errors[`experts.${i}.${k}`] && (
                      <span className="bureau-error" role="alert">
                        {errors[`experts.${i}.${k}`]}
                      </span>
                    )}
                  </td>
                ))}
                <td>
                  <button
                    type="button"
                    className="btn btn-small"
                    onClick={() => patch({ experts: s.experts.filter((_, j) => j !== i) })}
                    aria-label={t.bureau.session.removeExpert(i + 1)}
                  >
                    <Icon name="close" />
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button
          type="button"
          className="btn btn-small"
          onClick={() => patch({ experts: [...s.experts, blankExpert()] })}
          data-testid="roster-add"
        >
          <Icon name="plus" />
          {t.bureau.session.addExpert}
        </button>
        <Field form={FORM} path="chair" label={t.bureau.session.chair} errors={errors}>
          {(p) => (
            <select {...p} value={s.chair} onChange={(e) => patch({ chair: e.target.value })} data-testid="session-chair">
              <option value="">{t.bureau.session.chairNone}</option>
              {named.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          )}
        </Field>
      </fieldset>
      <div className="bureau-actions">
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="session-save">
          {view ? t.bureau.session.save : t.bureau.session.create}
        </button>
        {onDone && (
          <button type="button" className="btn" onClick={onDone}>
            {t.common.cancel}
          </button>
        )}
      </div>
    </form>
  );
}
