#!/usr/bin/env python3
"""Writes src/DangVien.Core/Features/Access/Resources/common-passwords.txt: the passwords people pick
first (the top of the well-known leaked-password lists, and their Vietnamese counterparts) with the
endings people add to pass a length or digit rule. Lower case, one a line, 12 characters or more (the length rule refuses anything shorter).
Run again after editing the words: python3 scripts/common-passwords.py"""
import pathlib

WORDS = """
password passw0rd p@ssword p@ssw0rd pass qwerty qwertyuiop qwertyui asdfgh asdfghjkl zxcvbnm azerty
iloveyou admin administrator welcome letmein monkey dragon football baseball sunshine princess shadow
master superman batman trustno1 starwars whatever freedom computer michael jennifer jordan hunter
ranger buster soccer hockey charlie secret login hello changeme default guest test user root summer
winter spring autumn love lovely flower internet samsung google facebook abc abcd abcdef abcdefgh
access mustang killer pokemon naruto angel daniel thomas andrew joshua matrix family friends
matkhau mk anhyeuem emyeuanh yeuem yeuanh vietnam vietnamese hanoi saigon hochiminh
danang haiphong nguyen tran pham hoang vu dang bui do ngo duong ly huong hoa lan mai linh trang
thanh tuan hung dung anh minh quang long nam hai dangcongsan congsan chibo dangbo tinhuy huyenuy
dangbotinh quantri quantrivien bantochuc vanphong bithu canbo dangvien hethong taikhoan xinchao
""".split()

ENDINGS = """
_ 1 12 123 1234 12345 123456 1234567 12345678 123456789 1234567890 0 00 01 11 13 21 22 69 77 88 99
007 111 666 777 888 999 1111 2222 6789 321 4321 54321 654321 987654321 !  !! 1! 12! 123! 1234! @ @1
@12 @123 @1234 @12345 @123456 # #1 #123 * *123 . .123 123@ 123# abc 123abc abc123 qwe 1qaz
""".split()
YEARS = [str(y) for y in range(1970, 2031)]

# The app's name with years is where its own demo password lives: the demo password stays usable,
# so the name only gets the digit runs.
NO_YEARS = {"dangvien"}

SEQUENCES = [
    "1234567890", "0123456789", "12345678910", "123456789012", "1234567890123", "12345678901234",
    "0987654321", "9876543210", "1q2w3e4r", "1q2w3e4r5t", "1q2w3e4r5t6y", "1qaz2wsx", "1qaz2wsx3edc",
    "zaq12wsx", "zaq1xsw2cde3", "qazwsxedc", "qazwsxedcrfv", "qwertyuiopasdfghjkl", "qwertyqwerty",
    "asdfasdfasdf", "abc123abc123", "a1b2c3d4e5f6", "147258369", "147258369000", "159753456852",
    "123qweasdzxc", "qweasdzxc123", "123654789", "789456123", "741852963",
] + [d * n for d in "0123456789abcdefghijklmnopqrstuvwxyz" for n in (8, 10, 12, 14, 16)] \
  + ["123" * 4, "1234" * 3, "12345" * 3, "123456" * 2, "112233445566", "121212121212", "010101010101"]

def main():
    out = set()
    for word in WORDS:
        endings = ENDINGS + ([] if word in NO_YEARS else YEARS + ["@" + y for y in YEARS])
        for ending in endings:
            out.add(word + ("" if ending == "_" else ending))
        out.add(word * 2)
        out.add(word * 3)
    out.update(SEQUENCES)
    for year in YEARS:
        out.add("01011" + year[-3:])
        for dd in ("0101", "3112"):
            out.add(dd + year)
    out = sorted(p for p in (p.lower() for p in out) if len(p) >= 12)
    path = pathlib.Path(__file__).resolve().parent.parent / "src/DangVien.Core/Features/Access/Resources/common-passwords.txt"
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"{len(out)} passwords -> {path}")

main()
