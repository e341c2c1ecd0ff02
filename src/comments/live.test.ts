// The live hub: what it hears on the change bus and who it tells.
import { describe, expect, it } from 'vitest';
import { ChangeBus } from '../db/change-bus.ts';
import { changeOfTag, LiveHub, liveTag, type LiveEvent } from './live.ts';

describe('live comments hub', () => {
  it('tells the viewers of the article a change names, and only them', () => {
    const bus = new ChangeBus('test:live');
    const hub = new LiveHub();
    hub.attach(bus);
    const seven: LiveEvent[] = [];
    const eight: LiveEvent[] = [];
    hub.subscribe(7, (e) => seven.push(e));
    hub.subscribe(8, (e) => eight.push(e));
    bus.announce(['article:7', liveTag({ articleId: 7, commentId: 41, kind: 'posted' })]);
    bus.announce(['article:8', 'front']);
    expect(seven).toEqual([{ articleId: 7, commentId: 41, kind: 'posted' }]);
    expect(eight).toEqual([]);
  });

  it('a reset of the bus (messages may be lost) tells every viewer they missed something', () => {
    const hub = new LiveHub();
    const got: LiveEvent[] = [];
    hub.subscribe(3, (e) => got.push(e));
    hub.hear(['*']);
    expect(got).toEqual([{ kind: 'missed' }]);
  });

  it('reads only well-formed tags', () => {
    expect(changeOfTag('comments.live:1:2:changed')).toEqual({ articleId: 1, commentId: 2, kind: 'changed' });
    expect(changeOfTag('comments.live:1:2:deleted')).toBeUndefined();
    expect(changeOfTag('comments.live:x:2:posted')).toBeUndefined();
  });

  it('an unsubscribe stops the listener (once) and forgets an article nobody watches', () => {
    const hub = new LiveHub();
    const got: LiveEvent[] = [];
    const stop = hub.subscribe(1, (e) => got.push(e));
    stop();
    stop();
    hub.hear([liveTag({ articleId: 1, commentId: 2, kind: 'posted' })]);
    expect(got).toEqual([]);
  });
});
