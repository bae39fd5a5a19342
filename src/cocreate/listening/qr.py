"""QR codes for feedback links, drawn as SVG, with no package beyond the standard library.

A small encoder of ISO/IEC 18004 for what a link needs: byte mode, error correction
level M (15% of the code may be damaged and it still reads), versions 1 to 10 (up to 213
bytes), the mask chosen by the standard's penalty rules. It follows the structure of
Project Nayuki's reference encoder (MIT licence). `matrix` gives the modules (True is
dark), `svg` a picture of them with the four-module quiet zone.
"""

import itertools
from collections.abc import Sequence

# Level M: per version, (error-correction codewords per block, [(blocks, data codewords)]).
BLOCKS = {
    1: (10, [(1, 16)]),
    2: (16, [(1, 28)]),
    3: (26, [(1, 44)]),
    4: (18, [(2, 32)]),
    5: (24, [(2, 43)]),
    6: (16, [(4, 27)]),
    7: (18, [(4, 31)]),
    8: (22, [(2, 38), (2, 39)]),
    9: (22, [(3, 36), (2, 37)]),
    10: (26, [(4, 43), (1, 44)]),
}
ALIGNMENT = {
    1: [],
    2: [6, 18],
    3: [6, 22],
    4: [6, 26],
    5: [6, 30],
    6: [6, 34],
    7: [6, 22, 38],
    8: [6, 24, 42],
    9: [6, 26, 46],
    10: [6, 28, 50],
}
LEVEL_M_BITS = 0b00
QUIET = 4


class TooLong(ValueError):
    """More than a version-10 code holds at level M (213 bytes)."""


def capacity(version: int) -> int:
    """Bytes a version holds in byte mode at level M."""
    data = sum(n * size for n, size in BLOCKS[version][1])
    header = 4 + (8 if version < 10 else 16)
    return (data * 8 - header) // 8


def multiply(x: int, y: int) -> int:
    """Product in GF(2^8) modulo x^8 + x^4 + x^3 + x^2 + 1."""
    z = 0
    for i in reversed(range(8)):
        z = (z << 1) ^ ((z >> 7) * 0x11D)
        z ^= ((y >> i) & 1) * x
    return z


def generator(degree: int) -> list[int]:
    result = [0] * (degree - 1) + [1]
    root = 1
    for _ in range(degree):
        for j in range(degree):
            result[j] = multiply(result[j], root)
            if j + 1 < degree:
                result[j] ^= result[j + 1]
        root = multiply(root, 0x02)
    return result


def remainder(data: Sequence[int], divisor: Sequence[int]) -> list[int]:
    """The Reed-Solomon error-correction codewords of `data`."""
    result = [0] * len(divisor)
    for byte in data:
        factor = byte ^ result.pop(0)
        result.append(0)
        for i, coefficient in enumerate(divisor):
            result[i] ^= multiply(coefficient, factor)
    return result


def codewords(payload: bytes) -> tuple[int, list[int]]:
    """The smallest version that holds the payload, and its interleaved codewords."""
    version = next((v for v in BLOCKS if len(payload) <= capacity(v)), None)
    if version is None:
        raise TooLong(f"A link of {len(payload)} bytes is too long for a QR code here.")
    ec_size, groups = BLOCKS[version]
    total = sum(n * size for n, size in groups)
    bits: list[int] = []

    def put(value: int, length: int) -> None:
        bits.extend((value >> i) & 1 for i in reversed(range(length)))

    put(0b0100, 4)
    put(len(payload), 8 if version < 10 else 16)
    for byte in payload:
        put(byte, 8)
    put(0, min(4, total * 8 - len(bits)))
    put(0, -len(bits) % 8)
    data = [int("".join(map(str, bits[i : i + 8])), 2) for i in range(0, len(bits), 8)]
    for pad in range(total - len(data)):
        data.append(0xEC if pad % 2 == 0 else 0x11)
    blocks, start = [], 0
    divisor = generator(ec_size)
    for count, size in groups:
        for _ in range(count):
            block = data[start : start + size]
            blocks.append((block, remainder(block, divisor)))
            start += size
    result = []
    for i in range(max(len(b) for b, _ in blocks)):
        result += [b[i] for b, _ in blocks if i < len(b)]
    for i in range(ec_size):
        result += [ec[i] for _, ec in blocks]
    return version, result


class Grid:
    def __init__(self, version: int) -> None:
        self.version = version
        self.size = 17 + 4 * version
        self.dark = [[False] * self.size for _ in range(self.size)]
        self.function = [[False] * self.size for _ in range(self.size)]

    def set(self, x: int, y: int, dark: bool) -> None:
        self.dark[y][x] = dark
        self.function[y][x] = True

    def draw_patterns(self) -> None:
        size = self.size
        for i in range(size):
            self.set(6, i, i % 2 == 0)
            self.set(i, 6, i % 2 == 0)
        for x, y in ((3, 3), (size - 4, 3), (3, size - 4)):
            for dy in range(-4, 5):
                for dx in range(-4, 5):
                    if 0 <= x + dx < size and 0 <= y + dy < size:
                        self.set(x + dx, y + dy, max(abs(dx), abs(dy)) not in (2, 4))
        positions = ALIGNMENT[self.version]
        last = len(positions) - 1
        for i, ax in enumerate(positions):
            for j, ay in enumerate(positions):
                if (i, j) in ((0, 0), (0, last), (last, 0)):
                    continue
                for dy in range(-2, 3):
                    for dx in range(-2, 3):
                        self.set(ax + dx, ay + dy, max(abs(dx), abs(dy)) != 1)
        self.draw_format(0)
        if self.version >= 7:
            rem = self.version
            for _ in range(12):
                rem = (rem << 1) ^ ((rem >> 11) * 0x1F25)
            bits = self.version << 12 | rem
            for i in range(18):
                bit = bool((bits >> i) & 1)
                a, b = size - 11 + i % 3, i // 3
                self.set(a, b, bit)
                self.set(b, a, bit)

    def draw_format(self, mask: int) -> None:
        data = LEVEL_M_BITS << 3 | mask
        rem = data
        for _ in range(10):
            rem = (rem << 1) ^ ((rem >> 9) * 0x537)
        bits = (data << 10 | rem) ^ 0x5412

        def bit(i: int) -> bool:
            return bool((bits >> i) & 1)

        size = self.size
        for i in range(6):
            self.set(8, i, bit(i))
        self.set(8, 7, bit(6))
        self.set(8, 8, bit(7))
        self.set(7, 8, bit(8))
        for i in range(9, 15):
            self.set(14 - i, 8, bit(i))
        for i in range(8):
            self.set(size - 1 - i, 8, bit(i))
        for i in range(8, 15):
            self.set(8, size - 15 + i, bit(i))
        self.set(8, size - 8, True)  # the dark module

    def draw_data(self, data: Sequence[int]) -> None:
        size, i, right = self.size, 0, self.size - 1
        while right >= 1:
            if right == 6:
                right = 5
            for vertical in range(size):
                for j in range(2):
                    x = right - j
                    upward = ((right + 1) & 2) == 0
                    y = size - 1 - vertical if upward else vertical
                    if not self.function[y][x] and i < len(data) * 8:
                        self.dark[y][x] = bool((data[i >> 3] >> (7 - (i & 7))) & 1)
                        i += 1
            right -= 2

    def apply_mask(self, mask: int) -> None:
        for y in range(self.size):
            for x in range(self.size):
                if not self.function[y][x] and MASKS[mask](x, y):
                    self.dark[y][x] = not self.dark[y][x]


MASKS = [
    lambda x, y: (x + y) % 2 == 0,
    lambda x, y: y % 2 == 0,
    lambda x, y: x % 3 == 0,
    lambda x, y: (x + y) % 3 == 0,
    lambda x, y: (x // 3 + y // 2) % 2 == 0,
    lambda x, y: x * y % 2 + x * y % 3 == 0,
    lambda x, y: (x * y % 2 + x * y % 3) % 2 == 0,
    lambda x, y: ((x + y) % 2 + x * y % 3) % 2 == 0,
]
FINDER_LIKE = ([1, 0, 1, 1, 1, 0, 1, 0, 0, 0, 0], [0, 0, 0, 0, 1, 0, 1, 1, 1, 0, 1])


def penalty(dark: list[list[bool]]) -> int:
    """The standard's four penalties; the mask with the lowest is used. (Any mask reads:
    the code says which one it uses. The penalty only keeps codes easy to scan.)"""
    size = len(dark)
    lines = [row for row in dark] + [[dark[y][x] for y in range(size)] for x in range(size)]
    score = 0
    for line in lines:
        run = 1
        for a, b in itertools.pairwise(line):
            if a == b:
                run += 1
            else:
                score += run - 2 if run >= 5 else 0
                run = 1
        score += run - 2 if run >= 5 else 0
        as_bits = [int(v) for v in line]
        for start in range(size - 10):
            if as_bits[start : start + 11] in FINDER_LIKE:
                score += 40
    for y in range(size - 1):
        for x in range(size - 1):
            if dark[y][x] == dark[y][x + 1] == dark[y + 1][x] == dark[y + 1][x + 1]:
                score += 3
    total = size * size
    darks = sum(sum(row) for row in dark)
    score += 10 * max(0, (abs(darks * 20 - total * 10) + total - 1) // total - 1)
    return score


def matrix(text: str) -> list[list[bool]]:
    """The QR code of a text (UTF-8), as rows of modules, True for dark."""
    version, data = codewords(text.encode())
    best: tuple[int, list[list[bool]]] | None = None
    for mask in range(8):
        grid = Grid(version)
        grid.draw_patterns()
        grid.draw_data(data)
        grid.apply_mask(mask)
        grid.draw_format(mask)
        score = penalty(grid.dark)
        if best is None or score < best[0]:
            best = (score, [row[:] for row in grid.dark])
    assert best is not None
    return best[1]


def svg(text: str, *, scale: int = 6) -> str:
    """An SVG picture of the text's QR code, `scale` pixels per module. Empty when the
    text is too long for a code (the page then offers the printed link alone)."""
    try:
        modules = matrix(text)
    except TooLong:
        return ""
    width = len(modules) + 2 * QUIET
    path = "".join(
        f"M{x + QUIET},{y + QUIET}h1v1h-1z"
        for y, row in enumerate(modules)
        for x, dark in enumerate(row)
        if dark
    )
    pixels = width * scale
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {width}" '
        f'width="{pixels}" height="{pixels}" shape-rendering="crispEdges" role="img" '
        f'aria-label="QR code of the link"><rect width="{width}" height="{width}" fill="#fff"/>'
        f'<path d="{path}" fill="#000"/></svg>'
    )
