// Owns turning a file the user chose or dropped into what the contract takes: its bytes, or an upload source (name + bytes).
import type { Input } from '../../shared/api';

/** The contract's upload form of a file source (`packageSourceSchema`): what the core reads instead of a path. */
export type UploadSource = Extract<Input<'package.import'>['source'], { kind: 'upload' }> & { bytes: Uint8Array<ArrayBuffer> };

export async function readBytes(file: File): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await file.arrayBuffer());
}

export async function uploadSource(file: File): Promise<UploadSource> {
  return { kind: 'upload', name: file.name, bytes: await readBytes(file) };
}

export function uploadSources(files: File[]): Promise<UploadSource[]> {
  return Promise.all(files.map(uploadSource));
}
