//! A compact binary form of the schema types, for data the app did not have to read as
//! JSON: the built-in dataset (packed at build time by `build.rs`, which includes this file
//! and `model.rs`) and a file the on-demand reader module has already read and checked.
//! The explorer's own wasm then carries no JSON parser and no serde deserializers.
//!
//! The form is the fields in declaration order: unsigned integers and lengths as LEB128,
//! `f64` as 8 little-endian bytes, strings as a length and UTF-8, an `Option` or `bool` as
//! one byte, an enum as its variant's index. The structs are listed field by field in the
//! `packed_struct!` calls below, so a field added to the schema and not here does not
//! compile.

use super::model::*;

/// Bumped whenever the form changes, so bytes of another build (a reader module cached
/// from another deploy) are refused, not misread. A test notices when the schema or this
/// file changed without a decision about it.
pub const VERSION: u8 = 1;
const MAGIC: &[u8; 4] = b"K10p";

/// Why bytes could not be unpacked.
#[derive(Clone, Debug, PartialEq)]
pub struct UnpackError(pub String);

pub struct Writer {
    bytes: Vec<u8>,
}

impl Writer {
    /// A writer whose output starts with the magic number and the [`VERSION`].
    pub fn new() -> Writer {
        let mut bytes = MAGIC.to_vec();
        bytes.push(VERSION);
        Writer { bytes }
    }

    pub fn finish(self) -> Vec<u8> {
        self.bytes
    }

    pub fn byte(&mut self, byte: u8) {
        self.bytes.push(byte);
    }

    pub fn size(&mut self, mut value: usize) {
        loop {
            let low = (value & 0x7f) as u8;
            value >>= 7;
            if value == 0 {
                self.bytes.push(low);
                return;
            }
            self.bytes.push(low | 0x80);
        }
    }

    pub fn float(&mut self, value: f64) {
        self.bytes.extend_from_slice(&value.to_le_bytes());
    }

    pub fn text(&mut self, value: &str) {
        self.size(value.len());
        self.bytes.extend_from_slice(value.as_bytes());
    }
}

impl Default for Writer {
    fn default() -> Writer {
        Writer::new()
    }
}

pub struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    /// A reader past the magic number and version, which must be this build's.
    pub fn new(bytes: &'a [u8]) -> Result<Reader<'a>, UnpackError> {
        match bytes {
            [m0, m1, m2, m3, version, ..] if [*m0, *m1, *m2, *m3] == *MAGIC => {
                if *version == VERSION {
                    Ok(Reader { bytes, at: 5 })
                } else {
                    Err(UnpackError(format!(
                        "packed data of version {version}, this build reads {VERSION}"
                    )))
                }
            }
            _ => Err(UnpackError("not packed data".to_owned())),
        }
    }

    /// `Ok` only when every byte was read.
    pub fn end(&self) -> Result<(), UnpackError> {
        if self.at == self.bytes.len() {
            Ok(())
        } else {
            Err(UnpackError("trailing bytes".to_owned()))
        }
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], UnpackError> {
        let end = self
            .at
            .checked_add(n)
            .filter(|&end| end <= self.bytes.len())
            .ok_or_else(|| UnpackError("cut short".to_owned()))?;
        let taken = &self.bytes[self.at..end];
        self.at = end;
        Ok(taken)
    }

    pub fn byte(&mut self) -> Result<u8, UnpackError> {
        Ok(self.take(1)?[0])
    }

    pub fn size(&mut self) -> Result<usize, UnpackError> {
        let (mut value, mut shift) = (0usize, 0u32);
        loop {
            let byte = self.byte()?;
            let bits = usize::from(byte & 0x7f);
            if shift >= usize::BITS || (bits << shift) >> shift != bits {
                return Err(UnpackError("size too large".to_owned()));
            }
            value |= bits << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
            shift += 7;
        }
    }

    pub fn float(&mut self) -> Result<f64, UnpackError> {
        let mut le = [0u8; 8];
        le.copy_from_slice(self.take(8)?);
        Ok(f64::from_le_bytes(le))
    }

    pub fn text(&mut self) -> Result<String, UnpackError> {
        let n = self.size()?;
        let bytes = self.take(n)?;
        std::str::from_utf8(bytes)
            .map(str::to_owned)
            .map_err(|_| UnpackError("text is not UTF-8".to_owned()))
    }
}

/// A value with a packed form.
pub trait Pack: Sized {
    fn pack(&self, w: &mut Writer);
    fn unpack(r: &mut Reader) -> Result<Self, UnpackError>;
}

/// Packs `value` alone.
pub fn to_bytes<T: Pack>(value: &T) -> Vec<u8> {
    let mut w = Writer::new();
    value.pack(&mut w);
    w.finish()
}

/// Unpacks what [`to_bytes`] wrote, refusing bytes left over.
pub fn from_bytes<T: Pack>(bytes: &[u8]) -> Result<T, UnpackError> {
    let mut r = Reader::new(bytes)?;
    let value = T::unpack(&mut r)?;
    r.end()?;
    Ok(value)
}

impl Pack for String {
    fn pack(&self, w: &mut Writer) {
        w.text(self);
    }
    fn unpack(r: &mut Reader) -> Result<Self, UnpackError> {
        r.text()
    }
}

impl Pack for bool {
    fn pack(&self, w: &mut Writer) {
        w.byte(u8::from(*self));
    }
    fn unpack(r: &mut Reader) -> Result<Self, UnpackError> {
        match r.byte()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(UnpackError("bad flag".to_owned())),
        }
    }
}

impl Pack for u32 {
    fn pack(&self, w: &mut Writer) {
        w.size(*self as usize);
    }
    fn unpack(r: &mut Reader) -> Result<Self, UnpackError> {
        u32::try_from(r.size()?).map_err(|_| UnpackError("number too large".to_owned()))
    }
}

impl Pack for f64 {
    fn pack(&self, w: &mut Writer) {
        w.float(*self);
    }
    fn unpack(r: &mut Reader) -> Result<Self, UnpackError> {
        r.float()
    }
}

impl Pack for [f64; 2] {
    fn pack(&self, w: &mut Writer) {
        w.float(self[0]);
        w.float(self[1]);
    }
    fn unpack(r: &mut Reader) -> Result<Self, UnpackError> {
        Ok([r.float()?, r.float()?])
    }
}

impl<T: Pack> Pack for Option<T> {
    fn pack(&self, w: &mut Writer) {
        match self {
            None => w.byte(0),
            Some(value) => {
                w.byte(1);
                value.pack(w);
            }
        }
    }
    fn unpack(r: &mut Reader) -> Result<Self, UnpackError> {
        match bool::unpack(r)? {
            false => Ok(None),
            true => T::unpack(r).map(Some),
        }
    }
}

impl<T: Pack> Pack for Vec<T> {
    fn pack(&self, w: &mut Writer) {
        w.size(self.len());
        for item in self {
            item.pack(w);
        }
    }
    fn unpack(r: &mut Reader) -> Result<Self, UnpackError> {
        let n = r.size()?;
        // Every item takes at least one byte: a corrupt length cannot reserve beyond that.
        let mut items = Vec::with_capacity(n.min(r.bytes.len() - r.at));
        for _ in 0..n {
            items.push(T::unpack(r)?);
        }
        Ok(items)
    }
}

/// `Pack` for a struct, field by field in the order given; every field must be named.
macro_rules! packed_struct {
    ($name:ident { $($field:ident),* $(,)? }) => {
        impl Pack for $name {
            fn pack(&self, w: &mut Writer) {
                let $name { $($field),* } = self;
                $( $field.pack(w); )*
            }
            fn unpack(r: &mut Reader) -> Result<Self, UnpackError> {
                Ok($name { $($field: Pack::unpack(r)?),* })
            }
        }
    };
}

/// `Pack` for a field-less enum, as the index of its variant in the list given, which must
/// name every variant.
macro_rules! packed_enum {
    ($name:ident { $($variant:ident),* $(,)? }) => {
        impl Pack for $name {
            fn pack(&self, w: &mut Writer) {
                // Does not compile when a variant is missing from the list.
                match self {
                    $($name::$variant)|* => {}
                }
                const ALL: &[$name] = &[$($name::$variant),*];
                let index = ALL.iter().position(|v| v == self).unwrap_or_default();
                w.byte(index as u8);
            }
            fn unpack(r: &mut Reader) -> Result<Self, UnpackError> {
                const ALL: &[$name] = &[$($name::$variant),*];
                let index = usize::from(r.byte()?);
                ALL.get(index).copied().ok_or_else(|| {
                    UnpackError(format!("no {} number {index}", stringify!($name)))
                })
            }
        }
    };
}

pub(crate) use {packed_enum, packed_struct};

packed_struct!(Dataset {
    schema,
    meta,
    storylines,
    actors,
    places,
    lines,
    events
});
packed_struct!(Meta { title, source });
packed_struct!(SourceWork {
    publication,
    chapter,
    article,
    author,
    affiliation,
    period
});
packed_struct!(Storyline {
    id,
    title,
    context,
    tour
});
packed_struct!(TourStep { event, narrative });
packed_struct!(Actor {
    id,
    name,
    native_name,
    title,
    kind,
    affiliation,
    side
});
packed_struct!(Place {
    id,
    name,
    native_name,
    kind,
    lat,
    lon,
    country
});
packed_struct!(Line {
    id,
    name,
    kind,
    status,
    directed,
    stops,
    points,
    events,
    summary
});
packed_struct!(Participant { actor, role });
packed_struct!(Figure {
    value,
    unit,
    measures,
    approximate
});
packed_struct!(Quote { speaker, text });
packed_struct!(SourceRef {
    section,
    paragraph,
    url
});
packed_struct!(Note { kind, text });
packed_struct!(Event {
    id,
    former_ids,
    after,
    title,
    summary,
    start,
    end,
    precision,
    time,
    part_of_day,
    context,
    kind,
    storylines,
    participants,
    places,
    figures,
    quotes,
    sources,
    notes,
});

packed_enum!(ActorKind {
    Person,
    State,
    Organisation,
    Media
});
packed_enum!(Side {
    China,
    Russia,
    Koreas,
    UsAllies,
    Multilateral,
    Other
});
packed_enum!(PlaceKind {
    Capital,
    City,
    Island,
    Sea,
    Region,
    Facility
});
packed_enum!(LineStatus {
    Existing,
    NotYetBuilt
});
packed_enum!(LineKind {
    Pipeline,
    Boundary,
    Itinerary
});
packed_enum!(Precision {
    Day,
    Month,
    Approximate
});
packed_enum!(EventKind {
    Meeting,
    PhoneCall,
    Visit,
    Statement,
    MilitaryAction,
    Exercise,
    Agreement,
    Summit,
    Vote,
    Economic,
    Other,
});
packed_enum!(Role {
    Initiator,
    Counterpart,
    Participant,
    Speaker,
    Subject
});
packed_enum!(NoteKind {
    InferredDate,
    Contradiction,
    Other
});
packed_enum!(PartOfDay {
    Morning,
    Afternoon,
    Evening,
    Night
});

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{parse, synthetic, EMBEDDED_DATASET, EMBEDDED_PACKED};

    /// FNV-1a of the code lines (no comments, no blank lines) of the files that define the
    /// packed form: the schema, this file up to its tests, and the files module's handovers.
    fn form_fingerprint() -> u64 {
        let root = env!("CARGO_MANIFEST_DIR");
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for file in [
            "model.rs",
            "pack.rs",
            "import/handover.rs",
            "../export/handover.rs",
        ] {
            let text = std::fs::read_to_string(format!("{root}/src/data/{file}")).unwrap();
            let code = text.split("#[cfg(test)]").next().unwrap_or_default();
            for line in code.lines().map(str::trim) {
                if line.is_empty() || line.starts_with("//") {
                    continue;
                }
                for byte in line.bytes().chain([b'\n']) {
                    hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
                }
            }
        }
        hash
    }

    #[test]
    fn a_change_to_the_form_is_decided() {
        // When this fails: if the change alters what is packed (a field, a variant, their
        // order, an encoding), bump VERSION; then pin the new fingerprint here.
        const PINNED: (u8, u64) = (1, 0x3406_8fcf_3f54_c42f);
        assert_eq!(
            (VERSION, form_fingerprint()),
            PINNED,
            "the packed form's sources changed: decide on VERSION, then pin (VERSION, {:#x})",
            form_fingerprint()
        );
    }

    #[test]
    fn the_packed_dataset_is_the_json_source() {
        let source = parse::parse_dataset(EMBEDDED_DATASET).unwrap();
        let packed: Dataset = from_bytes(EMBEDDED_PACKED).unwrap();
        assert_eq!(packed, source);
        assert!(EMBEDDED_PACKED.len() < EMBEDDED_DATASET.len() / 2);
    }

    #[test]
    fn every_field_and_variant_comes_back() {
        for seed in 0..4 {
            let dataset = synthetic::generate(300, seed);
            assert_eq!(from_bytes::<Dataset>(&to_bytes(&dataset)), Ok(dataset));
        }
        let mut dataset = parse::parse_dataset(EMBEDDED_DATASET).unwrap();
        dataset.schema = Some("x".into());
        dataset.lines[0].status = LineStatus::NotYetBuilt;
        dataset.lines[0].points = vec![[1.5, -2.25], [f64::MAX, 0.0]];
        dataset.events[0].part_of_day = Some(PartOfDay::Night);
        dataset.events[0].figures.push(Figure {
            value: -0.5,
            unit: "€".into(),
            measures: "ü".into(),
            approximate: true,
        });
        assert_eq!(from_bytes::<Dataset>(&to_bytes(&dataset)), Ok(dataset));
    }

    #[test]
    fn sizes_of_any_length_come_back() {
        for n in [
            0,
            1,
            127,
            128,
            16_383,
            16_384,
            u32::MAX as usize,
            usize::MAX,
        ] {
            let mut w = Writer::new();
            w.size(n);
            let bytes = w.finish();
            let mut r = Reader::new(&bytes).unwrap();
            assert_eq!(r.size(), Ok(n));
            assert_eq!(r.end(), Ok(()));
        }
        assert_eq!(from_bytes::<u32>(&to_bytes(&u32::MAX)), Ok(u32::MAX));
        let mut w = Writer::new();
        w.size(u32::MAX as usize + 1);
        assert_eq!(
            from_bytes::<u32>(&w.finish()),
            Err(UnpackError("number too large".into()))
        );
    }

    #[test]
    fn damaged_bytes_are_refused_not_misread() {
        let bytes = to_bytes(&synthetic::generate(20, 1));
        let refused = |bytes: &[u8]| from_bytes::<Dataset>(bytes).unwrap_err().0;
        assert_eq!(refused(&bytes[..bytes.len() - 1]), "cut short");
        assert_eq!(
            refused(&[bytes.as_slice(), &[0]].concat()),
            "trailing bytes"
        );
        assert_eq!(refused(b"{\"meta\":{}}"), "not packed data");
        let mut other_version = bytes.clone();
        other_version[4] = VERSION + 1;
        assert!(refused(&other_version).starts_with("packed data of version"));
        assert_eq!(
            from_bytes::<String>(&[b'K', b'1', b'0', b'p', VERSION, 0xff, 0xff]),
            Err(UnpackError("cut short".into()))
        );
        assert_eq!(
            from_bytes::<PartOfDay>(&[b'K', b'1', b'0', b'p', VERSION, 4]),
            Err(UnpackError("no PartOfDay number 4".into()))
        );
        assert_eq!(
            from_bytes::<bool>(&[b'K', b'1', b'0', b'p', VERSION, 2]),
            Err(UnpackError("bad flag".into()))
        );
        assert_eq!(
            from_bytes::<String>(&[b'K', b'1', b'0', b'p', VERSION, 1, 0xff]),
            Err(UnpackError("text is not UTF-8".into()))
        );
        let mut overlong = vec![b'K', b'1', b'0', b'p', VERSION];
        overlong.extend([0xff; 11]);
        overlong.push(1);
        assert_eq!(
            Reader::new(&overlong).unwrap().size(),
            Err(UnpackError("size too large".into()))
        );
    }
}
