import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApplicationsModule } from '../applications/applications.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { LettersModule } from '../letters/letters.module.js';
import { MunicipalitiesModule } from '../municipalities/municipalities.module.js';
import { CaseFileController } from './case-file.controller.js';
import { CaseFileService } from './case-file.service.js';
import { CaseDocument } from './document.entity.js';
import { DOCUMENT_STORE } from './document-store.port.js';
import { DocumentsController } from './documents.controller.js';
import { DocumentsService } from './documents.service.js';
import { PostgresDocumentStore } from './postgres-document-store.js';
import { SubmittedDocumentsModule } from './submitted-documents.js';

/** The case's documents: uploads, downloads, the case's list, and the case file. */
@Module({
  imports: [
    TypeOrmModule.forFeature([CaseDocument]),
    SubmittedDocumentsModule,
    AuditModule,
    AuthModule,
    ApplicationsModule,
    LettersModule,
    MunicipalitiesModule,
  ],
  controllers: [DocumentsController, CaseFileController],
  providers: [DocumentsService, CaseFileService, { provide: DOCUMENT_STORE, useClass: PostgresDocumentStore }],
  exports: [DocumentsService],
})
export class DocumentsModule {}
