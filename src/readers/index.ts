// The readers capability's public API: what other capabilities (comments, reactions,
// subscriptions) may use of reader accounts.
export {
  getReader,
  loadReaderAccount,
  readerOf,
  readerParticipation,
  requireReader,
  READER,
  type ParticipationRefusal,
  type ReaderAccount,
  type SignedInReader,
} from './reader.ts';
