//! What a gazetteer entry is, as seen by callers.

/// The coarse type of a place: what a resolver scores by feature class.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[repr(u8)]
pub enum PlaceKind {
    /// An independent political entity (GeoNames `A.PCL*`).
    Country = 0,
    /// A first-order administrative division (state, governorate, province).
    Admin1 = 1,
    /// A second-order administrative division (county, district).
    Admin2 = 2,
    /// A populated place (GeoNames feature class `P`).
    City = 3,
    /// A section of a city (neighbourhood, quarter, district of a city); most come
    /// from a user supplement since GeoNames' `cities500` lacks them.
    Neighbourhood = 4,
    /// Anything else a full GeoNames dump contains (mountains, rivers, regions...).
    Other = 5,
}

impl PlaceKind {
    /// Decodes the stored byte; unknown values (from a newer file) become `Other`.
    pub fn from_u8(b: u8) -> PlaceKind {
        match b {
            0 => PlaceKind::Country,
            1 => PlaceKind::Admin1,
            2 => PlaceKind::Admin2,
            3 => PlaceKind::City,
            4 => PlaceKind::Neighbourhood,
            _ => PlaceKind::Other,
        }
    }

    /// The name used in supplement files and reports.
    pub fn as_str(self) -> &'static str {
        match self {
            PlaceKind::Country => "country",
            PlaceKind::Admin1 => "admin1",
            PlaceKind::Admin2 => "admin2",
            PlaceKind::City => "city",
            PlaceKind::Neighbourhood => "neighbourhood",
            PlaceKind::Other => "other",
        }
    }

    /// Parses [`PlaceKind::as_str`] names (case-insensitive).
    pub fn parse(s: &str) -> Option<PlaceKind> {
        Some(match s.trim().to_ascii_lowercase().as_str() {
            "country" => PlaceKind::Country,
            "admin1" => PlaceKind::Admin1,
            "admin2" => PlaceKind::Admin2,
            "city" => PlaceKind::City,
            "neighbourhood" | "neighborhood" => PlaceKind::Neighbourhood,
            "other" => PlaceKind::Other,
            _ => return None,
        })
    }

    /// GeoNames-style default feature class and code for the kind.
    pub fn default_feature(self) -> (char, &'static str) {
        match self {
            PlaceKind::Country => ('A', "PCLI"),
            PlaceKind::Admin1 => ('A', "ADM1"),
            PlaceKind::Admin2 => ('A', "ADM2"),
            PlaceKind::City => ('P', "PPL"),
            PlaceKind::Neighbourhood => ('P', "PPLX"),
            PlaceKind::Other => ('L', "AREA"),
        }
    }
}

/// Index of an entry in a loaded [`crate::Gazetteer`] (not a GeoNames id).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PlaceId(pub u32);

/// One candidate referent of a name: an entry plus how the name matched it.
///
/// The candidates of a name are sorted by population (descending), ties broken by
/// kind (country first) and then GeoNames id, so the first is the "biggest" reading.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Candidate {
    pub place: PlaceId,
    /// Bit set of `Candidate::PRIMARY`, `Candidate::CODE`.
    pub flags: u8,
}

impl Candidate {
    /// The name is the entry's own (or ASCII) name, not an alternate one.
    pub const PRIMARY: u8 = 1;
    /// The name is a code or abbreviation (`NYC`, `US`, IATA-like `BEG`): all
    /// capitals, at most 4 letters. A resolver should trust it only when the text
    /// has it in capitals too.
    pub const CODE: u8 = 2;

    pub fn is_primary(self) -> bool {
        self.flags & Candidate::PRIMARY != 0
    }
    pub fn is_code(self) -> bool {
        self.flags & Candidate::CODE != 0
    }
}

/// A view of one gazetteer entry. Borrowed from the gazetteer; cheap to copy.
///
/// Invariant: `lat` is in `[-90, 90]` and `lon` in `[-180, 180]` (the builder never
/// writes anything else), stored to 1e-5 degree (about a metre).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Place<'g> {
    pub id: PlaceId,
    /// The GeoNames id; supplement entries without one use ids ≥ 2,000,000,000.
    pub geonameid: u32,
    pub name: &'g str,
    pub ascii_name: &'g str,
    pub lat: f64,
    pub lon: f64,
    pub kind: PlaceKind,
    /// GeoNames feature class (`P`, `A`, ...).
    pub feature_class: char,
    /// GeoNames feature code (`PPL`, `ADM1`, `PCLI`, ...). From `cities500.json`,
    /// which lacks codes, every city is `PPL`.
    pub feature_code: &'g str,
    /// ISO 3166-1 alpha-2 code (`SY`), or `""`.
    pub country: &'g str,
    /// GeoNames admin1 code within the country (`09` for Aleppo governorate), or `""`.
    pub admin1: &'g str,
    /// Population from the source; 0 when unknown (admin areas from the bundled
    /// sources have none).
    pub population: u64,
    /// The coordinates are an estimate (an admin area's member-city centre, or a
    /// parent's point), not a surveyed point.
    pub approximate: bool,
}

impl Place<'_> {
    /// Great-circle distance to another place, in kilometres.
    pub fn distance_km(&self, other: &Place<'_>) -> f64 {
        haversine_km(self.lat, self.lon, other.lat, other.lon)
    }
}

/// Mean Earth radius (IUGG), in kilometres.
pub const EARTH_RADIUS_KM: f64 = 6371.0088;

/// Great-circle distance between two points given in degrees, in kilometres.
pub fn haversine_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    // Clamp: rounding can push `a` a hair above 1 for antipodal points.
    2.0 * EARTH_RADIUS_KM * a.clamp(0.0, 1.0).sqrt().asin()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn haversine_known_distances() {
        // Aleppo → Damascus is about 310 km.
        let d = haversine_km(36.20124, 37.16117, 33.5102, 36.29128);
        assert!((d - 310.0).abs() < 10.0, "{d}");
        assert_eq!(haversine_km(10.0, 20.0, 10.0, 20.0), 0.0);
        let half = haversine_km(0.0, 0.0, 0.0, 180.0);
        assert!((half - std::f64::consts::PI * EARTH_RADIUS_KM).abs() < 1e-6);
    }

    #[test]
    fn kind_round_trips() {
        for k in 0..6u8 {
            let kind = PlaceKind::from_u8(k);
            assert_eq!(kind as u8, k);
            assert_eq!(PlaceKind::parse(kind.as_str()), Some(kind));
        }
    }
}
