import { TokenBucket } from './token-bucket';

describe('TokenBucket', () => {
  let clock = 0;
  const bucket = () => new TokenBucket({ capacity: 3, refillPerSecond: 2, maxStrikes: 2 }, () => clock);
  beforeEach(() => (clock = 0));

  it('allows a burst up to its capacity, then limits', () => {
    const b = bucket();
    expect([b.take(), b.take(), b.take(), b.take()]).toEqual(['allow', 'allow', 'allow', 'limit']);
  });

  it('refills over time', () => {
    const b = bucket();
    b.take();
    b.take();
    b.take();
    expect(b.take()).toBe('limit');
    clock += 500;
    expect(b.take()).toBe('allow');
    expect(b.take()).toBe('limit');
  });

  it('counts repeated refusals as abuse, and forgives them once the bucket is full again', () => {
    const b = bucket();
    for (let i = 0; i < 3; i += 1) b.take();
    expect([b.take(), b.take(), b.take()]).toEqual(['limit', 'limit', 'abuse']);
    clock += 1500;
    expect(b.take()).toBe('allow');
    for (let i = 0; i < 2; i += 1) b.take();
    expect(b.take()).toBe('limit');
  });

  it('does not forgive strikes while the client keeps the bucket low', () => {
    const b = bucket();
    for (let i = 0; i < 3; i += 1) b.take();
    expect(b.take()).toBe('limit');
    clock += 500;
    expect(b.take()).toBe('allow');
    expect([b.take(), b.take()]).toEqual(['limit', 'abuse']);
  });
});
