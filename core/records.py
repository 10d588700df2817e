"""Data classes whose methods are not written and compiled when their module is imported.

The standard library's ``dataclass`` writes the source of ``__init__``, ``__repr__``, ``__eq__``,
``__hash__`` (and, frozen, ``__setattr__`` and ``__delattr__``) for every class and compiles it at
import: about 0.7 ms per class on a slow office PC, and some forty classes lie on the way to the
app's first window. ``record`` makes the same class from functions compiled once, with this module:
the class is still a dataclass (``dataclasses.fields``, ``replace`` and ``asdict`` work), and its
instances construct, compare, hash, print, pickle and refuse assignment as the standard library's
would. Only ``__dataclass_params__`` differs (it describes the bare dataclass the methods were added
to). Building an instance costs a little more (``__init__`` walks the field list), so classes made by
the thousand in a hot loop (the check engine's outcomes) stay plain dataclasses.

The field list itself is made here too for the plain case (annotated fields, defaults or this
module's ``field()``, no dataclass base, no ``ClassVar``/``InitVar``/``KW_ONLY``): ``dataclass()``
would spend another 50 µs a class resolving each string annotation, and the ``dataclasses`` module
itself is not imported until something asks a record for its dataclass fields (``fields``,
``replace``, ``asdict``, ``is_dataclass``: ``__dataclass_fields__`` is made then). Anything else goes
through ``dataclass()``.

    @record(frozen=True)
    class Phrase:
        title: str
        text: str = ""
"""

from __future__ import annotations

import reprlib
import sys
from collections.abc import Callable
from functools import cache
from operator import attrgetter
from typing import Any, TypeVar, overload

try:
    from typing import dataclass_transform
except ImportError:  # Python 3.10: type checkers read the decorator as they can
    def dataclass_transform(**_kwargs: Any) -> Callable[[Any], Any]:
        return lambda decorator: decorator

T = TypeVar("T", bound=type)

RECORD_MARK = "__record__"  # set on every class made here (tests find classes that are not)
_SPECS = "__record_fields__"  # a record's fields, as this module's FieldSpec


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()  # no default (dataclasses.MISSING where a dataclasses.Field is made)


class FieldSpec:
    """A field of a record: what ``dataclasses.Field`` says of it, without the dataclasses module.
    In a class body it is ``field(...)``, as ``dataclasses.field`` is for a dataclass."""

    __slots__ = ("name", "type", "default", "default_factory", "init", "repr", "hash", "compare", "metadata",
                 "kw_only")

    def __init__(self, *, default: Any = MISSING, default_factory: Any = MISSING, init: bool = True,
                 repr: bool = True, hash: bool | None = None, compare: bool = True,  # noqa: A002
                 metadata: Any = None, kw_only: Any = MISSING) -> None:
        if default is not MISSING and default_factory is not MISSING:
            raise ValueError("cannot specify both default and default_factory")
        self.name: str = ""
        self.type: Any = None
        self.default, self.default_factory, self.init, self.repr = default, default_factory, init, repr
        self.hash, self.compare, self.metadata, self.kw_only = hash, compare, metadata, kw_only

    @classmethod
    def of(cls, made: Any) -> FieldSpec:
        """The spec of a ``dataclasses.Field`` (a class ``dataclass()`` made)."""
        import dataclasses

        def ours(value: Any) -> Any:
            return MISSING if value is dataclasses.MISSING else value

        spec = cls(default=ours(made.default), default_factory=ours(made.default_factory), init=made.init,
                   repr=made.repr, hash=made.hash, compare=made.compare, metadata=made.metadata,
                   kw_only=ours(made.kw_only))
        spec.name, spec.type = made.name, made.type
        return spec

    def as_dataclass_field(self) -> Any:
        import dataclasses

        def theirs(value: Any) -> Any:
            return dataclasses.MISSING if value is MISSING else value

        made = dataclasses.field(default=theirs(self.default), default_factory=theirs(self.default_factory),
                                 init=self.init, repr=self.repr, hash=self.hash, compare=self.compare,
                                 metadata=self.metadata, kw_only=theirs(self.kw_only))
        made.name, made.type = self.name, self.type
        return made


field: Any = FieldSpec  # ``dataclasses.field`` for records (without importing dataclasses)


def field_names(cls: type) -> tuple[str, ...]:
    """The names of a record's fields, in order."""
    return tuple(spec.name for spec in cls.__dict__[_SPECS])


@overload
def record(cls: T, /) -> T: ...


@overload
def record(*, frozen: bool = False) -> Callable[[T], T]: ...


@dataclass_transform(field_specifiers=(field,))
def record(cls: T | None = None, /, *, frozen: bool = False) -> T | Callable[[T], T]:
    """``@record`` is ``@dataclass``, ``@record(frozen=True)`` is ``@dataclass(frozen=True)``."""
    if cls is None:
        return lambda cls: _make(cls, frozen)
    return _make(cls, frozen)


def _make(cls: T, frozen: bool) -> T:
    own = cls.__dict__
    for name in ("__init__", "__repr__", "__eq__", "__hash__", "__setattr__", "__delattr__", "__slots__"):
        if name in own and not (name == "__hash__" and own[name] is None):
            raise TypeError(f"{cls.__qualname__} defines {name}: use dataclasses.dataclass for it")
    documented = bool(own.get("__doc__"))
    if not documented:
        cls.__doc__ = cls.__name__  # spares dataclass its inspect.signature(); replaced below
    specs = _add_plain_fields(cls)
    if specs is None:
        specs = _through_dataclass(cls)
    if not documented:
        cls.__doc__ = f"{cls.__name__}({', '.join(f.name for f in specs if f.init)})"
    cls.__init__ = _init(cls, specs)
    cls.__repr__ = _repr(tuple(f.name for f in specs if f.repr))
    values = _getter(tuple(f.name for f in specs if f.compare))
    cls.__eq__ = _eq(values)
    if frozen:
        cls.__hash__ = _hash(_getter(tuple(f.name for f in specs if (f.compare if f.hash is None else f.hash))))
        names = frozenset(f.name for f in specs)
        cls.__setattr__ = _frozen_setattr(cls, names)
        cls.__delattr__ = _frozen_delattr(cls, names)
    else:
        cls.__hash__ = None  # like a dataclass with eq and not frozen: unhashable
    setattr(cls, RECORD_MARK, True)
    return cls


_UNUSUAL = ("ClassVar", "InitVar", "KW_ONLY")  # annotations only dataclass() reads right


def _add_plain_fields(cls: type) -> tuple[FieldSpec, ...] | None:
    """Give ``cls`` its fields as ``dataclass(cls, init=False, repr=False, eq=False)`` would; None
    (nothing changed) when the class is not the plain case this handles."""
    own = cls.__dict__
    annotations = own.get("__annotations__", {})
    for name, value in own.items():
        if isinstance(value, FieldSpec) and name not in annotations:
            raise TypeError(f"{name!r} is a field but has no type annotation")
    made_by_dataclasses = sys.modules.get("dataclasses")
    if any(hasattr(base, "__dataclass_fields__") for base in cls.__mro__[1:]) \
            or any(not isinstance(kind, str) or any(word in kind for word in _UNUSUAL) for kind in annotations.values()) \
            or (made_by_dataclasses and any(isinstance(value, made_by_dataclasses.Field) for value in own.values())) \
            or getattr(cls, "__abstractmethods__", None):
        return None
    specs = []
    for name, kind in annotations.items():
        default = getattr(cls, name, MISSING)
        spec = default if isinstance(default, FieldSpec) else FieldSpec(default=default)
        if spec.default is not MISSING and spec.default.__class__.__hash__ is None:
            raise ValueError(f"mutable default {type(spec.default)} for field {name} is not allowed: "
                             "use default_factory")
        spec.name, spec.type = name, kind
        if spec.kw_only is MISSING:
            spec.kw_only = False
        specs.append(spec)
        if isinstance(default, FieldSpec):
            if spec.default is MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, spec.default)
    setattr(cls, _SPECS, tuple(specs))
    cls.__dataclass_fields__ = _DataclassAttribute("__dataclass_fields__")  # type: ignore[attr-defined]
    cls.__dataclass_params__ = _DataclassAttribute("__dataclass_params__")  # type: ignore[attr-defined]
    if "__match_args__" not in own:
        cls.__match_args__ = tuple(spec.name for spec in specs if spec.init)  # type: ignore[attr-defined]
    return tuple(specs)


def _through_dataclass(cls: type) -> tuple[FieldSpec, ...]:
    """The unusual classes: ``dataclass()`` makes the field list (this module's ``field()`` read as its own)."""
    import dataclasses

    for name, value in list(cls.__dict__.items()):
        if isinstance(value, FieldSpec):
            setattr(cls, name, value.as_dataclass_field())
    dataclasses.dataclass(cls, init=False, repr=False, eq=False)
    specs = tuple(FieldSpec.of(made) for made in dataclasses.fields(cls))
    setattr(cls, _SPECS, specs)
    return specs


class _DataclassAttribute:
    """A plain record's ``__dataclass_fields__`` and ``__dataclass_params__``, made (with the
    dataclasses module) the first time either is read, in place of this descriptor."""

    def __init__(self, name: str) -> None:
        self._name = name

    def __get__(self, instance: object, owner: type) -> Any:
        cls = next(c for c in owner.__mro__ if isinstance(c.__dict__.get("__dataclass_fields__"), _DataclassAttribute))
        made = {}
        for spec in cls.__dict__[_SPECS]:
            one = spec.as_dataclass_field()
            one._field_type = _dataclass_kinds()[0]
            made[spec.name] = one
        type.__setattr__(cls, "__dataclass_params__", _dataclass_kinds()[1])
        type.__setattr__(cls, "__dataclass_fields__", made)
        return getattr(owner if instance is None else instance, self._name)


@cache
def _dataclass_kinds() -> tuple[Any, Any]:
    """What ``dataclass(cls, init=False, repr=False, eq=False)`` sets: a field's kind, the parameters."""
    import dataclasses

    @dataclasses.dataclass(init=False, repr=False, eq=False)
    class Probe:
        value: int

    return Probe.__dataclass_fields__["value"]._field_type, Probe.__dataclass_params__  # type: ignore[attr-defined]


def _getter(names: tuple[str, ...]) -> Callable[[object], tuple]:
    """The tuple of these attributes (attrgetter returns a bare value for one name)."""
    if not names:
        return lambda _obj: ()
    if len(names) == 1:
        name = names[0]
        return lambda obj: (getattr(obj, name),)
    return attrgetter(*names)


def _init(cls: type, specs: tuple[FieldSpec, ...]) -> Callable[..., None]:
    names = tuple(f.name for f in specs if f.init)
    known = frozenset(names)
    # Per init field: MISSING (required), or (False, default) or (True, factory).
    defaults = tuple(MISSING if f.default is MISSING and f.default_factory is MISSING
                     else (False, f.default) if f.default is not MISSING else (True, f.default_factory)
                     for f in specs if f.init)
    later = tuple((f.name, f.default_factory is not MISSING, f.default_factory if f.default is MISSING else f.default)
                  for f in specs if not f.init and (f.default is not MISSING or f.default_factory is not MISSING))
    count = len(names)
    post_init = hasattr(cls, "__post_init__")
    title = f"{cls.__qualname__}.__init__()"
    required = sum(default is MISSING for default in defaults)
    takes = f"{count + 1}" if required == count else f"from {required + 1} to {count + 1}"

    def bind(args: tuple, kwargs: dict[str, Any]) -> dict[str, Any]:
        given = len(args)
        if given > count:
            raise TypeError(f"{title} takes {takes} positional arguments but {given + 1} were given")
        values = dict(zip(names, args, strict=False))  # the count was checked above
        for index in range(given, count):
            name = names[index]
            if name in kwargs:
                values[name] = kwargs.pop(name)
                continue
            default = defaults[index]
            if default is MISSING:
                raise TypeError(f"{title} missing 1 required positional argument: '{name}'")
            factory, value = default
            values[name] = value() if factory else value
        if kwargs:
            name = next(iter(kwargs))
            if name in known:
                raise TypeError(f"{title} got multiple values for argument '{name}'")
            raise TypeError(f"{title} got an unexpected keyword argument '{name}'")
        return values

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        values = dict(zip(names, args, strict=False)) if len(args) == count and not kwargs else bind(args, kwargs)
        for name, factory, value in later:
            values[name] = value() if factory else value
        # Straight into the instance's dict, as a frozen dataclass's object.__setattr__ does (a field
        # never shares its name with a descriptor: the descriptor would be the field's default).
        self.__dict__.update(values)
        if post_init:
            self.__post_init__()

    __init__.__qualname__ = f"{cls.__qualname__}.__init__"
    return __init__


def _repr(names: tuple[str, ...]) -> Callable[[object], str]:
    @reprlib.recursive_repr()
    def __repr__(self: object) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in names)
        return f"{self.__class__.__qualname__}({shown})"

    return __repr__


def _eq(values: Callable[[object], tuple]) -> Callable[[object, object], bool]:
    def __eq__(self: object, other: object) -> bool:
        if other.__class__ is self.__class__:
            return values(self) == values(other)
        return NotImplemented

    return __eq__


def _hash(values: Callable[[object], tuple]) -> Callable[[object], int]:
    def __hash__(self: object) -> int:
        return hash(values(self))

    return __hash__


def _frozen_setattr(cls: type, names: frozenset[str]) -> Callable[[object, str, object], None]:
    def __setattr__(self: object, name: str, value: object) -> None:
        if type(self) is cls or name in names:
            from dataclasses import FrozenInstanceError

            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)

    return __setattr__


def _frozen_delattr(cls: type, names: frozenset[str]) -> Callable[[object, str], None]:
    def __delattr__(self: object, name: str) -> None:
        if type(self) is cls or name in names:
            from dataclasses import FrozenInstanceError

            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)

    return __delattr__
