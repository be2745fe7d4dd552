"""
Where an archive's files are written and read: a directory, or a .zip file written byte for byte the same
every time for the same files (sorted names, a fixed date, no extra metadata).
"""

import os
import shutil
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path, PurePosixPath

# Zip entries carry a date: always this one, so that two exports of one catalogue are the same bytes.
FIXED_DATE = (1980, 1, 1, 0, 0, 0)


class ArchiveError(Exception):
    """The archive cannot be read or written as asked; the message says which file and why."""


def is_zip(path: str | Path) -> bool:
    return str(path).lower().endswith(".zip")


def safe_name(name: str) -> str:
    """A member name that stays inside the archive (no absolute path, no ``..``), or ArchiveError."""
    parts = PurePosixPath(name).parts
    if not name or name.startswith("/") or "\\" in name or any(part in ("..", "") for part in parts):
        raise ArchiveError(f"“{name}” is not a file name inside the archive.")
    return name


def write_archive(path: str | Path, files: dict[str, bytes | Callable[[], bytes]]) -> None:
    """Write ``files`` as a new directory or .zip at ``path``; refuses to overwrite anything.

    A file's content is bytes, or a function that reads them (screenshots: read one at a time, as written).
    """
    path = Path(path)
    if path.exists() and (not path.is_dir() or any(path.iterdir())):
        raise ArchiveError(f"{path} already exists: give a new file or an empty directory.")
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise ArchiveError(f"{parent} is not a directory.")
    # Written beside its destination first, then moved in: an interrupted export leaves no half archive.
    if is_zip(path):
        handle, temporary = tempfile.mkstemp(dir=parent, prefix=".export-", suffix=".zip")
        os.close(handle)
        try:
            with zipfile.ZipFile(temporary, "w") as archive:
                for name in sorted(files):
                    entry = zipfile.ZipInfo(safe_name(name), date_time=FIXED_DATE)
                    entry.compress_type = zipfile.ZIP_DEFLATED
                    entry.external_attr = 0o644 << 16
                    archive.writestr(entry, content(files[name]))
            os.chmod(temporary, 0o666 & ~current_umask())  # as any new file (the temporary one was private)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        return
    temporary = Path(tempfile.mkdtemp(dir=parent, prefix=".export-"))
    try:
        for name in sorted(files):
            target = temporary / safe_name(name)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content(files[name]))
        os.chmod(temporary, 0o777 & ~current_umask())
        if path.exists():
            path.rmdir()
        os.replace(temporary, path)
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def content(value) -> bytes:
    return value() if callable(value) else value


class ArchiveReader:
    """The files of an archive (directory or .zip), read by name."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        if not self.path.exists():
            raise ArchiveError(f"{self.path} does not exist.")
        self.zip = None
        if self.path.is_file():
            try:
                self.zip = zipfile.ZipFile(self.path)
            except zipfile.BadZipFile:
                raise ArchiveError(f"{self.path} is neither a directory nor a .zip archive.") from None

    def close(self) -> None:
        if self.zip is not None:
            self.zip.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def names(self) -> list[str]:
        if self.zip is not None:
            return sorted(name for name in self.zip.namelist() if not name.endswith("/"))
        return sorted(str(file.relative_to(self.path).as_posix()) for file in self.path.rglob("*") if file.is_file())

    def read(self, name: str) -> bytes:
        """The file's bytes; ArchiveError naming it when it is missing or unreadable."""
        safe_name(name)
        try:
            if self.zip is not None:
                return self.zip.read(name)
            return (self.path / name).read_bytes()
        except (KeyError, FileNotFoundError, IsADirectoryError):
            raise ArchiveError(f"{name}: the archive has no such file.") from None
        except (OSError, zipfile.BadZipFile, zipfile.LargeZipFile) as error:
            raise ArchiveError(f"{name}: cannot be read ({error}).") from None


def read_archive_files(path: str | Path) -> dict[str, bytes]:
    """Every file of an archive by name (for comparing two archives)."""
    with ArchiveReader(path) as reader:
        return {name: reader.read(name) for name in reader.names()}
