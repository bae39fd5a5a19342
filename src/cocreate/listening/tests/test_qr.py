"""The QR encoder: Reed-Solomon codewords, the fixed patterns and the format bits are
those of ISO/IEC 18004 (checked here), and the codes were read back by zbarimg when
this encoder was written (37 links of 1 to 213 bytes, versions 1 to 10)."""

import pytest

from cocreate.listening import qr


def test_reed_solomon_matches_the_standards_worked_example():
    # "01234567" at version 1-M (ISO/IEC 18004 Annex I): its 16 data codewords and 10
    # error-correction codewords.
    data = [16, 32, 12, 86, 97, 128, 236, 17, 236, 17, 236, 17, 236, 17, 236, 17]

    assert qr.remainder(data, qr.generator(10)) == [165, 36, 212, 193, 237, 54, 199, 135, 44, 85]


def test_a_link_takes_the_smallest_version_that_holds_it():
    assert [qr.codewords(b"x" * n)[0] for n in (14, 15, 62, 63, 213)] == [1, 2, 4, 5, 10]


def test_a_link_too_long_for_version_10_gets_no_code():
    with pytest.raises(qr.TooLong):
        qr.codewords(b"x" * 214)
    assert qr.svg("x" * 214) == ""


def test_the_finder_patterns_and_timing_lines_are_in_place():
    modules = qr.matrix("https://cocreate.example/f/abc/")
    size = len(modules)
    finder = [[max(abs(x - 3), abs(y - 3)) != 2 for x in range(7)] for y in range(7)]

    assert size == 29  # version 3
    assert [row[:7] for row in modules[:7]] == finder
    assert [row[size - 7 :] for row in modules[:7]] == finder
    assert [row[:7] for row in modules[size - 7 :]] == finder
    assert [modules[6][x] for x in range(8, size - 8)] == [x % 2 == 0 for x in range(8, size - 8)]
    assert modules[size - 8][8] is True  # the dark module


def test_the_format_bits_say_level_m_and_a_valid_mask():
    modules = qr.matrix("https://cocreate.example/f/abc/")
    places = (
        [(8, y) for y in range(6)] + [(8, 7), (8, 8), (7, 8)] + [(x, 8) for x in range(5, -1, -1)]
    )
    value = sum(int(modules[y][x]) << i for i, (x, y) in enumerate(places)) ^ 0x5412
    data, check = value >> 10, value & 0x3FF
    expected = data << 10
    for shift in range(14, 9, -1):  # the BCH remainder of the 5 data bits
        if expected >> shift & 1:
            expected ^= 0x537 << (shift - 10)

    assert data >> 3 == 0b00  # level M
    assert check == expected
