/**
 * Documents of a DSU (DOMAIN §3): stored inside the encrypted store, type decided by the
 * content (not the file name), size limited. Pure checks.
 */
import { PasseurError } from '../../shared/errors';

/** 10 MiB: a multi-page scan at 300 dpi; larger files are usually unreduced photos. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

const SIGNATURES: { mime: 'application/pdf' | 'image/png' | 'image/jpeg'; bytes: number[] }[] = [
  { mime: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { mime: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { mime: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
];

export function sniff(content: Buffer): 'application/pdf' | 'image/png' | 'image/jpeg' | null {
  return SIGNATURES.find((s) => s.bytes.every((b, i) => content[i] === b))?.mime ?? null;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Decodes and checks an uploaded file; throws a French message saying what to do. */
export function checkDocument(contentBase64: string): { content: Buffer; mime: 'application/pdf' | 'image/png' | 'image/jpeg' } {
  if (contentBase64.length % 4 !== 0 || !BASE64.test(contentBase64)) {
    throw new PasseurError('invalid_input', 'Le fichier n’a pas été transmis correctement. Choisissez-le à nouveau.', 'contentBase64');
  }
  const content = Buffer.from(contentBase64, 'base64');
  if (content.length === 0) throw new PasseurError('invalid_input', 'Ce fichier est vide : choisissez un autre fichier.', 'contentBase64');
  if (content.length > MAX_DOCUMENT_BYTES) {
    const mb = (content.length / 1024 / 1024).toFixed(1).replace('.', ',');
    throw new PasseurError('invalid_input', `Fichier trop volumineux (${mb} Mo) : 10 Mo au plus. Numérisez-le en résolution plus basse ou en plusieurs parties.`, 'contentBase64');
  }
  const mime = sniff(content);
  if (!mime) {
    throw new PasseurError(
      'invalid_input',
      'Type de fichier refusé : seuls les PDF, PNG et JPEG sont acceptés (c’est le contenu du fichier qui est vérifié, pas son nom). Enregistrez le document en PDF puis recommencez.',
      'contentBase64',
    );
  }
  return { content, mime };
}
