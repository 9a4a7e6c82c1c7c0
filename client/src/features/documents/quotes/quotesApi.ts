import {
  createdQuoteSchema,
  quoteListSchema,
  quoteSchema,
  type CreateQuoteBody,
  type Quote,
} from '../../../../../shared/contracts/quotes';
import { requestJson } from '../../../api/http';

const quotesOf = (documentId: string) => `/api/documents/${encodeURIComponent(documentId)}/quotes`;

export const addQuote = async (documentId: string, body: CreateQuoteBody): Promise<string> =>
  (await requestJson('POST', quotesOf(documentId), createdQuoteSchema, body)).quoteId;

export const listQuotes = async (documentId: string): Promise<Quote[]> =>
  (await requestJson('GET', quotesOf(documentId), quoteListSchema)).quotes;

export const refreshQuote = (documentId: string, quoteId: string): Promise<Quote> =>
  requestJson('POST', `${quotesOf(documentId)}/${encodeURIComponent(quoteId)}/refresh`, quoteSchema, {});
