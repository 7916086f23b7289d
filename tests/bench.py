#!/usr/bin/env python3
"""make bench: speed and size figures for briefing.  A benchmark, not a
test: it prints figures and fails only when a run fails.

  bench.py BUILD_DIR [RUNS]

Cases: (a) the seed story alone, (b) an edition of 20 different stories,
(c) a 52-story edition (both generated from the samples by
gen_edition.py), (d) twenty full-size stories (the seed twenty times, by
gen_full.py), each run once untimed (warm caches) and then RUNS times
(default 7; the seed three times as many) as a whole process;
the 20-story edition again pinned to one core; the rebuild time of
`briefing watch` after an edit to one story of the sample edition and of
the 20; and `render -j 2`
of the 20 story files at once.  Each line gives the median and spread
(min to max) of wall time, CPU time and peak memory, the pages and PDF
size, and the time by stage from `render --stats`; for (a) and (d) also the
texture of the justified body text, read back from the PDF with MuPDF
(texture.py: word spaces over the natural space)."""
import os, re, shutil, statistics, subprocess, sys, tempfile, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import texture

B = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "build")
RUNS = int(sys.argv[2]) if len(sys.argv) > 2 else 7
BIN = os.path.join(B, "briefing")
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
W = tempfile.mkdtemp(prefix="briefing-bench.")
env = dict(os.environ, SOURCE_DATE_EPOCH="1777334400")

def run(args, pin=None):
    """One whole process: wall and CPU seconds, peak RSS (KB), stderr."""
    if pin is not None:
        args = ["taskset", "-c", str(pin)] + args
    t0 = time.perf_counter()
    p = subprocess.Popen(args, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, env=env)
    err = p.stderr.read().decode()
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    if status != 0:
        sys.exit(f"bench: {' '.join(args)} failed:\n{err}")
    return wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss, err

def fmt(xs, unit, scale=1.0, digits=0):
    xs = [x * scale for x in xs]
    return (f"{statistics.median(xs):.{digits}f} {unit} "
            f"({min(xs):.{digits}f}-{max(xs):.{digits}f})")

def print_texture(pdf):
    t = texture.texture(pdf)
    if t is not None:
        print(f"  texture: {t['lines']} justified body lines, word space median "
              f"{t['median']:.2f}x, 90th percentile {t['p90']:.2f}x, worst "
              f"{t['worst']:.2f}x, {t['two']} lines at 2x or more; at most "
              f"{t['hyphens']} hyphenated lines in a row")

def case(name, xml, pin=None, runs=RUNS, tex=False):
    out = os.path.join(W, "out.pdf")
    walls, cpus, rss, stages = [], [], [], []
    # One run untimed, so that every timed run finds the same warm caches.
    run([BIN, "render", xml, "-o", out, "-q"], pin)
    for _ in range(runs):
        wall, cpu, mem, err = run([BIN, "render", xml, "-o", out, "-q", "--stats"], pin)
        walls.append(wall)
        cpus.append(cpu)
        rss.append(mem)
        m = re.search(r"parse ([\d.]+) ms, layout ([\d.]+) ms, fonts ([\d.]+) ms, "
                      r"draw ([\d.]+) ms, save ([\d.]+) ms, compress ([\d.]+) ms, "
                      r"(\d+) pages, (\d+) bytes", err)
        stages.append([float(x) for x in m.groups()])
    med = [statistics.median(col) for col in zip(*stages)]
    print(f"{name}")
    print(f"  wall {fmt(walls, 'ms', 1000)}   cpu {fmt(cpus, 'ms', 1000)}   "
          f"peak RSS {fmt(rss, 'MB', 1 / 1024, 1)}")
    print(f"  {int(med[6])} pages, PDF {med[7] / 1024:.1f} KB")
    print(f"  stages (median ms): parse+validate {med[0]:.1f}, layout {med[1]:.1f}, "
          f"fonts {med[2]:.1f} (opening and subsetting faces), PDF drawing "
          f"{med[3]:.1f}, saving {med[4]:.1f}; compression {med[5]:.1f} on "
          f"another thread (pages, font files)")
    if tex:
        print_texture(out)
    return statistics.median(walls) * 1000

def rebuild_ms(xml, story, n=7):
    """From the save of one story to the PDF replaced, as watch sees it."""
    out = os.path.join(W, "watch.pdf")
    p = subprocess.Popen([BIN, "watch", xml, "-o", out], stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT, env=env, text=True)
    p.stdout.readline()
    times, builds, laid = [], [], set()
    for k in range(n):
        before = os.stat(out).st_ino
        text = open(story).read()
        t0 = time.perf_counter()
        with open(story, "w") as f:       # an in-place save
            # A word more in the headline: the story is laid out again
            # (white space alone would change nothing the model holds).
            f.write(text.replace("</title>", " again</title>", 1))
        while os.stat(out).st_ino == before:
            time.sleep(0.0005)
        times.append((time.perf_counter() - t0) * 1000)
        line = p.stdout.readline()
        builds.append(float(re.search(r"in (\d+) ms", line).group(1)))
        laid.add(re.search(r"(\d+ of \d+) stories laid out", line).group(1))
        time.sleep(0.3)
    p.terminate()
    p.wait()
    return times, builds, ", ".join(sorted(laid))

print(f"briefing bench: {RUNS} runs a case, SOURCE_DATE_EPOCH set, "
      f"{os.cpu_count()} cores\n")
# The seed takes 40 ms: three times the runs, for a steady median.
seed = case(f"(a) seed story (samples/openai-aws.xml), {3 * RUNS} runs",
            os.path.join(ROOT, "samples", "openai-aws.xml"), runs=3 * RUNS, tex=True)
subprocess.run([sys.executable, os.path.join(HERE, "gen_edition.py"), "20", os.path.join(W, "e20")], check=True)
subprocess.run([sys.executable, os.path.join(HERE, "gen_edition.py"), "52", os.path.join(W, "e52")], check=True)
t20 = case("(b) edition of 20 stories", os.path.join(W, "e20", "split.xml"))
t20one = case("(b') edition of 20 stories, one core (taskset -c 0)", os.path.join(W, "e20", "split.xml"), pin=0)
t52 = case("(c) edition of 52 stories", os.path.join(W, "e52", "split.xml"))
print(f"\ncost of each added story: {(t52 - t20) / 32:.1f} ms (20 -> 52 stories), "
      f"{(t20 - seed) / 19:.1f} ms (1 -> 20)")
subprocess.run([sys.executable, os.path.join(HERE, "gen_full.py"), "20", os.path.join(W, "f20.xml")], check=True)
tf20 = case("(d) twenty full-size stories (the seed twenty times, each marked)",
            os.path.join(W, "f20.xml"), tex=True)
print(f"cost of each added full-size story: {(tf20 - seed) / 19:.1f} ms (1 -> 20)")

shutil.copytree(os.path.join(ROOT, "samples"), os.path.join(W, "samples"))
times, builds, laid = rebuild_ms(os.path.join(W, "samples", "weekly.xml"),
                                 os.path.join(W, "samples", "stories", "chip-capex.xml"))
print(f"\nwatch, the sample edition (samples/weekly.xml), one story's headline edited: "
      f"save to new PDF {fmt(times, 'ms')}, of which the build {fmt(builds, 'ms')} "
      f"({laid} stories laid out)")
times, builds, laid = rebuild_ms(os.path.join(W, "e20", "split.xml"),
                                 os.path.join(W, "e20", "stories", "s07.xml"))
print(f"watch, one story's headline of the 20 edited: save to new PDF {fmt(times, 'ms')}, "
      f"of which the build {fmt(builds, 'ms')} ({laid} stories laid out)")

os.makedirs(os.path.join(W, "f20s"))
subprocess.run([sys.executable, os.path.join(HERE, "gen_full.py"), "20",
                os.path.join(W, "f20s", "f20.xml"), "--split"], check=True)
times, builds, laid = rebuild_ms(os.path.join(W, "f20s", "f20.xml"),
                                 os.path.join(W, "f20s", "stories", "s07.xml"))
print(f"watch, one headline of the twenty full stories edited: save to new PDF "
      f"{fmt(times, 'ms')} ({statistics.median(times) / tf20 * 100:.0f}% of a cold "
      f"render), of which the build {fmt(builds, 'ms')} ({laid} stories laid out)")

files = [os.path.join(W, "e20", "stories", f"s{k:02d}.xml") for k in range(1, 21)]
for jobs in (1, 2):
    walls = []
    for _ in range(3):
        t0 = time.perf_counter()
        subprocess.run([BIN, "render", "-q", "-j", str(jobs)] + files, check=True, env=env)
        walls.append(time.perf_counter() - t0)
    print(f"render -j {jobs} of the 20 story files (20 PDFs): {fmt(walls, 'ms', 1000)}")
shutil.rmtree(W)
