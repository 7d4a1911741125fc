// Owns one labelled form field of the bureau's forms with its error under it (role="alert", tied by aria-describedby).
import type { ReactNode } from 'react';
import { errorId, type FieldErrors } from './formErrors';

export function Field({
  form,
  path,
  label,
  errors,
  children,
  wide,
}: {
  form: string;
  path: string;
  label: string;
  errors: FieldErrors;
  children: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactNode;
  wide?: boolean;
}) {
  const id = `${form}-${path.replace(/\./g, '-')}`;
  const error = errors[path];
  return (
    <div className={`bureau-field${wide ? ' wide' : ''}${error ? ' invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': error ? errorId(form, path) : undefined })}
      {error && (
        <span className="bureau-error" id={errorId(form, path)} role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
