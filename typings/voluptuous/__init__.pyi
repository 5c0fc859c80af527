# Home Assistant 2026 makes `import voluptuous` resolve to probatio's shim at run time
# (homeassistant/__init__.py calls install_as_voluptuous). This stub tells mypy the same, so
# schemas type-check as the probatio schemas HA's APIs take. Generated from probatio's shim.
from probatio import (
    ALLOW_EXTRA as ALLOW_EXTRA,
    PREVENT_EXTRA as PREVENT_EXTRA,
    REMOVE_EXTRA as REMOVE_EXTRA,
    __version__ as __version__,
)
from probatio.error import (
    AllInvalid as AllInvalid,
    AnyInvalid as AnyInvalid,
    BooleanInvalid as BooleanInvalid,
    CoerceInvalid as CoerceInvalid,
    ContainsInvalid as ContainsInvalid,
    DateInvalid as DateInvalid,
    DatetimeInvalid as DatetimeInvalid,
    DictInvalid as DictInvalid,
    DirInvalid as DirInvalid,
    EmailInvalid as EmailInvalid,
    Error as Error,
    ExactSequenceInvalid as ExactSequenceInvalid,
    ExclusiveInvalid as ExclusiveInvalid,
    FalseInvalid as FalseInvalid,
    FileInvalid as FileInvalid,
    InclusiveInvalid as InclusiveInvalid,
    InInvalid as InInvalid,
    Invalid as Invalid,
    LengthInvalid as LengthInvalid,
    LiteralInvalid as LiteralInvalid,
    MatchInvalid as MatchInvalid,
    MultipleInvalid as MultipleInvalid,
    NotEnoughValid as NotEnoughValid,
    NotInInvalid as NotInInvalid,
    ObjectInvalid as ObjectInvalid,
    PathInvalid as PathInvalid,
    RangeInvalid as RangeInvalid,
    RequiredFieldInvalid as RequiredFieldInvalid,
    ScalarInvalid as ScalarInvalid,
    SchemaError as SchemaError,
    SequenceTypeInvalid as SequenceTypeInvalid,
    TooManyValid as TooManyValid,
    TrueInvalid as TrueInvalid,
    TypeInvalid as TypeInvalid,
    UrlInvalid as UrlInvalid,
    ValueInvalid as ValueInvalid,
)
from probatio.markers import (
    UNDEFINED as UNDEFINED,
    Exclusive as Exclusive,
    Extra as Extra,
    Inclusive as Inclusive,
    Marker as Marker,
    Object as Object,
    Optional as Optional,
    Remove as Remove,
    Required as Required,
    Self as Self,
    Undefined as Undefined,
    VirtualPathComponent as VirtualPathComponent,
    default_factory as default_factory,
    extra as extra,
)
from probatio.schema import Schema as Schema, Schemable as Schemable
from probatio.validators.coerce import (
    Boolean as Boolean,
    Coerce as Coerce,
    DefaultTo as DefaultTo,
    Number as Number,
    SetTo as SetTo,
)
from probatio.validators.combinators import (
    All as All,
    And as And,
    Any as Any,
    Or as Or,
    SomeOf as SomeOf,
    Switch as Switch,
    Union as Union,
)
from probatio.validators.comparison import (
    Clamp as Clamp,
    Contains as Contains,
    Equal as Equal,
    In as In,
    Length as Length,
    Literal as Literal,
    NotIn as NotIn,
    Range as Range,
)
from probatio.validators.decorators import (
    message as message,
    raises as raises,
    truth as truth,
    validate as validate,
)
from probatio.validators.predicates import (
    IsDir as IsDir,
    IsFalse as IsFalse,
    IsFile as IsFile,
    IsTrue as IsTrue,
    PathExists as PathExists,
)
from probatio.validators.strings import (
    Capitalize as Capitalize,
    Email as Email,
    FqdnUrl as FqdnUrl,
    Lower as Lower,
    Match as Match,
    Replace as Replace,
    Strip as Strip,
    Title as Title,
    Upper as Upper,
    Url as Url,
)
from probatio.validators.structural import (
    ExactSequence as ExactSequence,
    Maybe as Maybe,
    Msg as Msg,
    Set as Set,
    Unique as Unique,
    Unordered as Unordered,
)
from probatio.validators.temporal import Date as Date, Datetime as Datetime
