// Owns the hidden file input used where there is no native dialog (web): its chosen file is imported as an upload.
import type { ChangeEvent } from 'react';
import { importFile, PACKAGE_ACCEPT, PACKAGE_INPUT_ID } from './openPackage';

export function PackageInput() {
  const onChange = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = ''; // choosing the same file again must fire change again
    if (file) void importFile(file);
  };
  return (
    <input
      id={PACKAGE_INPUT_ID}
      type="file"
      accept={PACKAGE_ACCEPT}
      className="visually-hidden"
      tabIndex={-1}
      aria-hidden="true"
      onChange={onChange}
      data-testid="package-file-input"
    />
  );
}
