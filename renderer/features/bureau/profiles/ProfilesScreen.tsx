// Owns the 规则配置 screen of the bureau: the list of profiles (the built-in ones to read, copy and test, then the bureau's own with their versions), 新建规则配置 (blank or from a built-in), and the editor of the one opened.
import { useEffect, useState } from 'react';
import { customProfileIdSchema, profileNameSchema, profileStartSchema, type ProfileStart } from '../../../../shared/bureauProfiles';
import { ApiError } from '../../../api';
import { reportError } from '../../../kernel/notices';
import { formatDateTime } from '../../../lib/format';
import { t } from '../../../locale/zh-CN';
import { Icon } from '../../../ui/Icon';
import { ProfileEditor } from './ProfileEditor';
import { useProfiles } from './store';

export function ProfilesScreen() {
  const detail = useProfiles((s) => s.detail);
  return detail ? <ProfileEditor /> : <ProfileList />;
}

function ProfileList() {
  const list = useProfiles((s) => s.list);
  useEffect(() => {
    if (list === null) void useProfiles.getState().loadList();
  }, [list]);
  return (
    <div className="bureau-stack">
      <section className="bureau-card" aria-labelledby="profiles-h">
        <div className="bureau-toolbar">
          <h2 id="profiles-h" className="bureau-h2">
            {t.profiles.title}
          </h2>
        </div>
        <p className="profile-hint">{t.profiles.intro}</p>
        {list === null ? (
          <p className="panel-message">{t.common.loading}</p>
        ) : (
          <table className="bureau-table" data-testid="profile-list">
            <thead>
              <tr>
                <th>{t.profiles.col.name}</th>
                <th>{t.profiles.col.id}</th>
                <th>{t.profiles.col.kind}</th>
                <th className="num">{t.profiles.col.version}</th>
                <th>{t.profiles.col.updated}</th>
                <th>{t.profiles.col.regulationFile}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {list.map((p) => (
                <tr key={p.id} data-testid="profile-list-row" data-profile-id={p.id}>
                  <td>{p.name}</td>
                  <td>
                    <code>{p.id}</code>
                  </td>
                  <td>
                    {p.builtIn
                      ? t.profiles.kindBuiltIn
                      : t.profiles.kindOwn(
                          p.base === 'blank' ? t.profiles.startBlank : (list.find((x) => x.id === p.base)?.name ?? p.base),
                        )}
                  </td>
                  <td className="num">{p.latestVersion || t.profiles.notSaved}</td>
                  <td>{p.updatedAt ? formatDateTime(p.updatedAt) : t.common.none}</td>
                  <td>{p.regulationName ?? t.common.none}</td>
                  <td>
                    <button
                      type="button"
                      className="btn btn-small"
                      onClick={() => void useProfiles.getState().open(p.id)}
                      data-testid="profile-open"
                    >
                      {p.builtIn ? t.profiles.view : t.profiles.open}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <CreateForm names={Object.fromEntries((list ?? []).filter((p) => p.builtIn).map((p) => [p.id, p.name]))} />
    </div>
  );
}

function CreateForm({ names }: { names: Record<string, string> }) {
  const [from, setFrom] = useState<ProfileStart>('blank');
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<{ profileId?: string; name?: string }>({});
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const idCheck = customProfileIdSchema.safeParse(id.trim());
    const nameCheck = profileNameSchema.safeParse(name);
    const next = {
      profileId: idCheck.success ? undefined : idCheck.error.issues[0]!.message,
      name: nameCheck.success ? undefined : nameCheck.error.issues[0]!.message,
    };

    setErrors(next);
    if (next.profileId || next.name) return;
    setBusy(true);
    try {
      await useProfiles.getState().create(id.trim(), name.trim(), from);
    } catch (err) {
      if (err instanceof ApiError && err.problems.some((p) => p.path === 'profileId'))
        setErrors({ profileId: err.problems.find((p) => p.path === 'profileId')!.message });
      else reportError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="bureau-card" aria-labelledby="profiles-new-h">
      <h2 id="profiles-new-h" className="bureau-h2">
        {t.profiles.create}
      </h2>
      <form
        className="bureau-grid"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        data-testid="profile-create"
      >
        <div className="bureau-field">
          <label htmlFor="profile-start">{t.profiles.start}</label>
          <select id="profile-start" value={from} onChange={(e) => setFrom(e.target.value as ProfileStart)} data-testid="profile-start">
            {profileStartSchema.options.map((o) => (
              <option key={o} value={o}>
                {o === 'blank' ? t.profiles.startBlank : t.profiles.startFrom(names[o] ?? o)}
              </option>
            ))}
          </select>
        </div>
        <div className={`bureau-field${errors.profileId ? ' invalid' : ''}`}>
          <label htmlFor="profile-new-id">{t.profiles.fields.id}</label>
          <input
            id="profile-new-id"
            value={id}
            onChange={(e) => setId(e.target.value)}
            placeholder={t.profiles.idHint}
            aria-invalid={Boolean(errors.profileId)}
            aria-describedby={errors.profileId ? 'profile-new-id-error' : undefined}
            data-testid="profile-new-id"
          />
          {errors.profileId && (
            <span className="bureau-error" id="profile-new-id-error" role="alert">
              {errors.profileId}
            </span>
          )}
        </div>
        <div className={`bureau-field${errors.name ? ' invalid' : ''}`}>
          <label htmlFor="profile-new-name">{t.profiles.fields.name}</label>
          <input
            id="profile-new-name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder={t.profiles.nameHint}
            aria-invalid={Boolean(errors.name)}
            aria-describedby={errors.name ? 'profile-new-name-error' : undefined}
            data-testid="profile-new-name"
          />
          {errors.name && (
            <span className="bureau-error" id="profile-new-name-error" role="alert">
              {errors.name}
            </span>
          )}
        </div>
        <div className="bureau-field profile-create-action">
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="profile-create-submit">
            <Icon name="plus" />
            {t.profiles.createButton}
          </button>
        </div>
      </form>
    </section>
  );
}
