import { Controller, Delete, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Auth, CurrentUser } from '../core/access/access.decorators.js';
import type { AuthUser } from '../core/access/auth-user.js';
import { ApiProblems } from '../core/errors/api-problems.js';
import { TakesFile } from '../core/http/takes-file.decorator.js';
import { attachmentDisposition } from './document-content.js';
import { DocumentsService } from './documents.service.js';
import { DocumentListResponse, DocumentResponse, UPLOAD_BODY_SCHEMA } from './dto/document.dto.js';

@ApiTags('documents')
@Controller()
export class DocumentsController {
  constructor(@Inject(DocumentsService) private readonly documents: DocumentsService) {}

  @Post('documents')
  @Auth('project_lead', 'caseworker')
  @TakesFile()
  @ApiOperation({
    summary:
      'Uploads a document of a case (multipart/form-data: the fields subjectType, subjectId and kind, then the file): at most 25 MB, PDF, DOCX, XLSX, ODT, ODS, PNG or JPEG by its content; streamed and hashed as it arrives. ' +
      'The subject’s kommune’s project leads and caseworkers; another kommune’s subject is 404. The journal number is given at once on a case with a case number, at submission for a draft',
  })
  @ApiBody({ schema: UPLOAD_BODY_SCHEMA })
  @ApiCreatedResponse({ type: DocumentResponse })
  @ApiProblems('invalid-upload', 'not-found', 'file-too-large', 'unsupported-file-type', 'unsupported-media-type')
  async upload(@Req() request: FastifyRequest, @CurrentUser() user: AuthUser): Promise<DocumentResponse> {
    const [response] = await this.documents.respond([await this.documents.upload(request, user)]);
    return response;
  }

  @Get('documents/:id')
  @Auth()
  @ApiOperation({ summary: 'A document’s metadata; scoped like its case' })
  @ApiOkResponse({ type: DocumentResponse })
  async get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: AuthUser): Promise<DocumentResponse> {
    const [response] = await this.documents.respond([await this.documents.get(id, user)]);
    return response;
  }

  @Get('documents/:id/content')
  @Auth()
  @ApiOperation({ summary: 'A document’s bytes, streamed, with its type, length and an attachment disposition; scoped like its case' })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ description: 'The file as uploaded, Content-Type as found in its content, X-Content-Type-Options: nosniff' })
  async content(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: AuthUser, @Res() reply: FastifyReply): Promise<void> {
    const { document, content } = await this.documents.content(id, user);
    await reply
      .type(document.contentType)
      .header('Content-Length', String(document.sizeBytes))
      .header('X-Content-Type-Options', 'nosniff')
      .header('Content-Disposition', attachmentDisposition(document.filename))
      .send(content);
  }

  @Get('applications/:id/documents')
  @Auth()
  @ApiOperation({ summary: 'The case’s documents (the application’s, its reports’ and its award’s) in journal order; a draft’s in upload order' })
  @ApiOkResponse({ type: DocumentListResponse })
  async list(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: AuthUser): Promise<DocumentListResponse> {
    return { items: await this.documents.respond(await this.documents.listForCase(id, user)), nextCursor: null };
  }

  @Delete('documents/:id')
  @Auth('project_lead', 'caseworker')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Withdraws a document while the application is a draft or the report is not submitted (409 after); its journal number is never given again',
  })
  @ApiNoContentResponse({ description: 'Withdrawn' })
  @ApiProblems('document-locked')
  async delete(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: AuthUser): Promise<void> {
    await this.documents.delete(id, user);
  }
}
