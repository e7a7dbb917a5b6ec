import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Auth, CurrentUser } from '../core/access/access.decorators.js';
import type { AuthUser } from '../core/access/auth-user.js';
import { LettersService, type RenderedLetter } from './letters.service.js';
import { DECIDING_ROLES } from '../applications/decision-rights.js';
import { ApiProblems } from '../core/errors/api-problems.js';
import { DecisionBody } from '../decisions/dto/decision.dto.js';

/** `inline`, with the file name in ASCII and in full (RFC 6266): case numbers carry Æ, Ø and Å. */
function send(reply: FastifyReply, letter: RenderedLetter): void {
  const ascii = letter.filename
    .normalize('NFKD')
    .replace(/[Ææ]/g, 'AE')
    .replace(/[Øø]/g, 'OE')
    .replace(/[Åå]/g, 'AA')
    .replace(/[^\x20-\x7e]|["\\]/g, '');
  reply
    .type('application/pdf')
    .header('Content-Disposition', `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(letter.filename)}`)
    .send(letter.pdf);
}

@ApiTags('letters')
@Controller('applications/:id')
export class LettersController {
  constructor(@Inject(LettersService) private readonly letters: LettersService) {}

  @Get('receipt.pdf')
  @Auth()
  @ApiOperation({ summary: 'The receipt (kvittering) as PDF: case number, Copenhagen time of receipt, what was applied for; scoped like the application' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'A4, Danish, tagged PDF; 404 before submission' })
  async receipt(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: AuthUser, @Res() reply: FastifyReply): Promise<void> {
    send(reply, await this.letters.receipt(id, user));
  }

  @Post('decision/preview')
  @Auth(...DECIDING_ROLES)
  @HttpCode(200)
  @ApiOperation({
    summary:
      'The decision letter as it would be sent if the decision in the body (as for `POST /applications/{id}/decision`) were made now, marked ' +
      '"UDKAST – ikke afsendt" on every page. Checked by every rule of deciding, with the same refusals (four-eyes, budget, rationale …); nothing is written',
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'A4, Danish, tagged PDF, marked as a draft on every page' })
  @ApiProblems(
    'invalid-decision',
    'four-eyes',
    'conflict-of-interest',
    'illegal-transition',
    'budget-exceeded',
    'amount-above-requested',
    'main-considerations-required',
    'decision-before-deadline',
  )
  async decisionPreview(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: DecisionBody,
    @CurrentUser() user: AuthUser,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    send(reply, await this.letters.decisionPreview(id, body, user));
  }

  @Get('decision/letter.pdf')
  @Auth()
  @ApiOperation({
    summary:
      'The decision letter as PDF: a tilsagnsbrev for an award (amount, period, reporting dates, COVID-19 extension terms, conditions), an afgørelsesbrev for a rejection; § 24 main considerations and § 25 appeal guidance where the decision is not a full grant',
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'A4, Danish, tagged PDF; 404 before a decision' })
  async decision(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: AuthUser, @Res() reply: FastifyReply): Promise<void> {
    send(reply, await this.letters.decision(id, user));
  }
}
