import { DomainException } from '../core/errors/domain.exception.js';
import type { ProblemCode } from '../core/errors/problem-types.js';
import { formatNumber } from '../core/format/danish.js';
import { ACCEPTED_TYPE_NAMES, MAX_DOCUMENT_BYTES } from './document-content.js';

export class DocumentException extends DomainException {
  private constructor(code: ProblemCode, detail: string, extensions?: Record<string, unknown>) {
    super(code, detail, extensions);
  }

  static unsupportedType(): DocumentException {
    return new DocumentException(
      'unsupported-file-type',
      `Filens indhold er ikke en af de filtyper, der modtages (${ACCEPTED_TYPE_NAMES}); filtypen afgøres af indholdet, ikke af navnet.`,
    );
  }

  /** A closed award's case is finished: nothing is added to it (a reopening would come first). */
  static awardClosed(): DocumentException {
    return new DocumentException('award-closed', 'Tilsagnet er lukket; der kan ikke tilføjes dokumenter til det.');
  }

  static tooLarge(): DocumentException {
    return new DocumentException('file-too-large', `Filen er større end ${formatNumber(MAX_DOCUMENT_BYTES / 1024 / 1024)} MB; intet er gemt.`, {
      maxBytes: MAX_DOCUMENT_BYTES,
    });
  }

  static notMultipart(): DocumentException {
    return new DocumentException('unsupported-media-type', 'Et dokument sendes som multipart/form-data med felterne subjectType, subjectId og kind før filen.');
  }

  static noFile(): DocumentException {
    return new DocumentException(
      'invalid-upload',
      'Anmodningen indeholder ingen fil; send filen i feltet "file" efter felterne subjectType, subjectId og kind.',
      {
        errors: [{ field: 'file', message: 'skal angives' }],
      },
    );
  }

  static empty(): DocumentException {
    return new DocumentException('invalid-upload', 'Filen er tom.', { errors: [{ field: 'file', message: 'er tom' }] });
  }

  static malformed(): DocumentException {
    return new DocumentException('invalid-upload', 'Anmodningens multipart-indhold kan ikke læses (afbrudt, for mange felter eller for lange feltværdier).');
  }

  static locked(subjectType: string): DocumentException {
    const why =
      subjectType === 'application'
        ? 'ansøgningen er indsendt'
        : subjectType === 'report'
          ? 'rapporten er indsendt'
          : 'dokumenter til tilsagnet er journaliseret';
    return new DocumentException('document-locked', `Dokumentet kan ikke slettes, fordi ${why}; det er en del af sagen.`);
  }
}
