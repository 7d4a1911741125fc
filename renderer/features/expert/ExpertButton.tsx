// Owns the header's 专家信息 button: shows the expert's name and opens the profile form in a dialog.
import { t } from '../../locale/zh-CN';
import { Modal } from '../../ui/Modal';
import { ExpertForm } from './ExpertForm';
import { useExpert } from './store';

export function ExpertButton({ className }: { className: string }) {
  const profile = useExpert((s) => s.profile);
  const editing = useExpert((s) => s.editing);
  const setEditing = useExpert((s) => s.setEditing);
  return (
    <>
      <button type="button" className={className} onClick={() => setEditing(true)} title={t.expert.editTitle} data-testid="expert-edit">
        {profile?.name ?? t.expert.title}
      </button>
      {editing && (
        <Modal title={t.expert.title} onEscape={() => setEditing(false)} testId="expert-dialog">
          <ExpertForm onCancel={() => setEditing(false)} />
        </Modal>
      )}
    </>
  );
}
