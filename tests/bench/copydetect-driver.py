# Runs copydetect (github.com/blingenf/copydetect, fetched beside the repository and never committed) for
# tests/bench/race.ts: its CopyDetector over every .txt file of a folder, all pairs as it is made to, timed
# alone (not the Python start or the imports). Answers one JSON object on stdout: the time, and for the
# pairs asked on stdin ([[file, file], ...]) its matches as (start, end, start, end) ranges of both files.
# copydetect reports the copied slices of each file apart; a slice of the first file is paired with the
# slice of the second that most of its shared fingerprints fall in, as PAN measures need a source range.
# Filtering is off: on a .txt file its pygments filter drops every character (TextLexer yields one Text
# token, which it removes), so copydetect compares k-grams of the raw characters.
# Usage: python3 copydetect-driver.py COPYDETECT_DIR FOLDER NOISE_T GUARANTEE_T < pairs.json
import json
import sys
import time

sys.path.insert(0, sys.argv[1])
from copydetect import CopyDetector  # noqa: E402

folder, noise_t, guarantee_t = sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
pairs = json.load(sys.stdin)

wall, cpu = time.perf_counter(), time.process_time()
detector = CopyDetector(test_dirs=[folder], extensions=['txt'], noise_t=noise_t, guarantee_t=guarantee_t,
                        disable_filtering=True, autoopen=False, silent=True)
detector.run()
wall, cpu = time.perf_counter() - wall, time.process_time() - cpu


def utf16(text, i):
    """JavaScript counts UTF-16 code units, Python code points: they differ past the BMP."""
    return len(text[:i].encode('utf-16-le')) // 2


def matches(a, b):
    fa, fb = detector.file_data[a], detector.file_data[b]
    slices = detector.slice_matrix.get((a, b))
    if slices is None:
        reverse = detector.slice_matrix.get((b, a))
        slices = None if reverse is None else [reverse[1], reverse[0]]
    if slices is None or len(slices[0][0]) == 0:
        return []
    sa, sb = slices
    shared = fa.hashes & fb.hashes
    out = []
    for start, end in zip(sa[0], sa[1]):
        votes = [0] * len(sb[0])
        for h in shared:
            inside = sum(1 for i in fa.hash_idx[h] if start <= i < end)
            if inside == 0:
                continue
            for j in fb.hash_idx[h]:
                for s, (bs, be) in enumerate(zip(sb[0], sb[1])):
                    if bs <= j < be:
                        votes[s] += inside
        best = max(range(len(votes)), key=lambda s: votes[s])
        out.append([utf16(fa.raw_code, int(start)), utf16(fa.raw_code, int(end)),
                    utf16(fb.raw_code, int(sb[0][best])), utf16(fb.raw_code, int(sb[1][best]))])
    return out


paths = {f.split('/')[-1]: f for f in detector.test_files}
json.dump({
    'seconds': wall,
    'cpuSeconds': cpu,
    'files': len(detector.file_data),
    'matches': [[a, b, matches(paths[a], paths[b])] for a, b in pairs],
}, sys.stdout)
