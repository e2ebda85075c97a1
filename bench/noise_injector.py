#!/usr/bin/python3
"""A seeded noisy neighbour: bursts of CPU load on every core, switched on
and off at random moments of the order of a second, the kind of interference
a shared CI machine adds to a benchmark run (it only ever adds time, comes in
bursts, and hits whatever runs during a burst).

    bench/noise_injector.py [--seed S] [--on SEC] [--off SEC] [--workers N]
                            [--duration SEC] [-- COMMAND ARGS...]

With a COMMAND, the noise runs exactly while the command runs and the
injector exits with the command's exit code; without one it runs for
--duration seconds (default 60). Every worker follows the same schedule
(drawn from the seed), so a burst loads all cores at once: on a 2-core
machine a single-threaded benchmark then gets about two thirds of a core.
On and off periods are exponential with the given means (default 1.0 s on,
2.0 s off: a third of the time under load), each cut to [0.1, 5] x its mean.
The schedule's start and its on-share so far go to stderr at the end.
"""
import argparse
import multiprocessing
import os
import random
import signal
import subprocess
import sys
import time


def schedule(seed, mean_on, mean_off, horizon):
    """[(start, end)] of the bursts, seconds from time zero, up to horizon."""
    rng = random.Random(seed)
    bursts, now = [], 0.0

    def draw(mean):
        return min(max(rng.expovariate(1.0 / mean), 0.1 * mean), 5.0 * mean)

    now += draw(mean_off)
    while now < horizon:
        length = draw(mean_on)
        bursts.append((now, now + length))
        now += length + draw(mean_off)
    return bursts


def worker(bursts, start):
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    for begin, end in bursts:
        wait = start + begin - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        stop = start + end
        x = 0
        while time.monotonic() < stop:  # burn the core
            for _ in range(2000):
                x = (x * 1103515245 + 12345) & 0xFFFFFFFF
    os._exit(0)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--on", type=float, default=1.0, help="mean burst length, s")
    parser.add_argument("--off", type=float, default=2.0, help="mean quiet gap, s")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--duration", type=float, default=60.0,
                        help="seconds to run without a command")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if args.on <= 0 or args.off <= 0 or args.workers < 1:
        parser.error("--on and --off must be positive, --workers at least 1")

    horizon = 24 * 3600.0 if command else args.duration
    bursts = schedule(args.seed, args.on, args.off, horizon)
    start = time.monotonic()
    workers = [multiprocessing.Process(target=worker, args=(bursts, start), daemon=True)
               for _ in range(args.workers)]
    for w in workers:
        w.start()
    code = 0
    try:
        if command:
            code = subprocess.call(command)
        else:
            time.sleep(args.duration)
    finally:
        for w in workers:
            w.terminate()
        for w in workers:
            w.join()
    elapsed = time.monotonic() - start
    loaded = sum(max(0.0, min(e, elapsed) - b) for b, e in bursts if b < elapsed)
    sys.stderr.write("noise_injector: seed %d, %d workers, %.1f s, under load %.0f%% of it\n"
                     % (args.seed, args.workers, elapsed, 100.0 * loaded / max(elapsed, 1e-9)))
    return code


if __name__ == "__main__":
    sys.exit(main())
