//! A layer's projection in steps of bounded work, so a start-up can spread it over short
//! tasks. Lighthouse's blocking time counts each task's time past 50 ms; at a phone's speed
//! the world layer projected in one go is about twice that, and a step at most half of it.
//!
//! The steps: the countries' rings, about [`STEP_POINTS`] points at a time (a country can
//! span steps); the coast and border walk; the coast's path; the borders' path. The result
//! is the same as [`layer_paths`](super::path::layer_paths), which runs every step at once.

use super::basemap::Layer;
use super::path::{box_path, coast_and_borders, lines_path, write_ring};
use super::path::{CountryPath, LayerPaths, PathWriter};
use super::LonLat;

/// About how many points one step of the countries projects (the world layer has ≈ 9,300,
/// the Northeast Asia layer ≈ 13,400).
pub const STEP_POINTS: usize = 5_000;

/// A layer's projection under way.
pub struct LayerProjection<'a> {
    layer: &'a Layer,
    decimals: u32,
    countries: Vec<CountryPath>,
    stage: Stage,
}

/// What the next step does.
enum Stage {
    /// Writes country `country`'s rings from `ring` on into `writer` (which holds the ones
    /// before), then the next countries'.
    Countries {
        country: usize,
        ring: usize,
        writer: PathWriter,
    },
    /// Sorts the rings' segments into coast and borders.
    Walk,
    Coast {
        coast: Vec<Vec<LonLat>>,
        borders: Vec<Vec<LonLat>>,
    },
    Borders {
        coast: String,
        borders: Vec<Vec<LonLat>>,
    },
}

/// What a step leaves: the projection to go on with, or the finished layer.
pub enum Progress<'a> {
    More(LayerProjection<'a>),
    Done(LayerPaths),
}

impl<'a> LayerProjection<'a> {
    /// A projection of `layer`, rounded to `decimals`, that has not started.
    pub fn new(layer: &'a Layer, decimals: u32) -> Self {
        LayerProjection {
            layer,
            decimals,
            countries: Vec::with_capacity(layer.countries.len()),
            stage: Stage::Countries {
                country: 0,
                ring: 0,
                writer: PathWriter::new(decimals),
            },
        }
    }

    /// Does the next step.
    pub fn step(mut self) -> Progress<'a> {
        self.stage = match std::mem::replace(&mut self.stage, Stage::Walk) {
            Stage::Countries {
                country,
                ring,
                writer,
            } => self.write_countries(country, ring, writer),
            Stage::Walk => {
                let (coast, borders) = coast_and_borders(self.layer);
                Stage::Coast { coast, borders }
            }
            Stage::Coast { coast, borders } => Stage::Borders {
                coast: self.lines(&coast),
                borders,
            },
            Stage::Borders { coast, borders } => {
                let borders = self.lines(&borders);
                return Progress::Done(LayerPaths {
                    name: self.layer.name.clone(),
                    frame: self.layer.frame,
                    frame_d: box_path(self.layer.frame, self.decimals),
                    countries: self.countries,
                    coast,
                    borders,
                });
            }
        };
        Progress::More(self)
    }

    /// Every remaining step at once.
    pub fn finish(self) -> LayerPaths {
        let mut projection = self;
        loop {
            match projection.step() {
                Progress::More(next) => projection = next,
                Progress::Done(layer) => return layer,
            }
        }
    }

    /// Writes rings until about [`STEP_POINTS`] points are done, finishing each country on
    /// its last ring; says where the next step starts.
    fn write_countries(
        &mut self,
        mut country: usize,
        mut ring: usize,
        mut writer: PathWriter,
    ) -> Stage {
        let mut budget = STEP_POINTS;
        while let Some(c) = self.layer.countries.get(country) {
            for points in c.polygons.iter().flatten().skip(ring) {
                write_ring(&mut writer, points);
                ring += 1;
                budget = budget.saturating_sub(points.len());
                // Checked after a ring, so every step makes progress.
                if budget == 0 {
                    return Stage::Countries {
                        country,
                        ring,
                        writer,
                    };
                }
            }
            let d = std::mem::replace(&mut writer, PathWriter::new(self.decimals)).finish();
            self.countries.push(CountryPath {
                id: c.id.clone(),
                name: c.name.clone(),
                d,
            });
            country += 1;
            ring = 0;
        }
        Stage::Walk
    }

    fn lines(&self, lines: &[Vec<LonLat>]) -> String {
        lines_path(lines.iter().map(Vec::as_slice), self.decimals)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::basemap::Basemap;
    use crate::geo::path::{polygons_path, DETAIL_DECIMALS, WORLD_DECIMALS};

    /// The layer as the direct functions make it, country by country, in one go.
    fn directly(layer: &Layer, decimals: u32) -> LayerPaths {
        let (coast, borders) = coast_and_borders(layer);
        LayerPaths {
            name: layer.name.clone(),
            frame: layer.frame,
            frame_d: box_path(layer.frame, decimals),
            countries: layer
                .countries
                .iter()
                .map(|c| CountryPath {
                    id: c.id.clone(),
                    name: c.name.clone(),
                    d: polygons_path(c.polygons.iter().flatten().map(Vec::as_slice), decimals),
                })
                .collect(),
            coast: lines_path(coast.iter().map(Vec::as_slice), decimals),
            borders: lines_path(borders.iter().map(Vec::as_slice), decimals),
        }
    }

    /// Runs a projection step by step; the layer and how many steps it took.
    fn stepped(layer: &Layer, decimals: u32) -> (LayerPaths, usize) {
        let mut projection = LayerProjection::new(layer, decimals);
        let mut steps = 1;
        loop {
            match projection.step() {
                Progress::More(next) => {
                    projection = next;
                    steps += 1;
                }
                Progress::Done(layer) => return (layer, steps),
            }
        }
    }

    fn points(layer: &Layer) -> usize {
        layer
            .countries
            .iter()
            .flat_map(|c| c.polygons.iter().flatten())
            .map(Vec::len)
            .sum()
    }

    #[test]
    fn the_world_in_steps_is_the_world_in_one_go() {
        let world = &Basemap::embedded().world;
        let (layer, steps) = stepped(world, WORLD_DECIMALS);
        assert_eq!(layer, directly(world, WORLD_DECIMALS));
        // Each step of the countries writes at least STEP_POINTS points (the last one
        // fewer), and three steps follow: the walk, the coast, the borders.
        let countries = steps - 3;
        assert!(
            (2..=points(world).div_ceil(STEP_POINTS)).contains(&countries),
            "{steps} steps"
        );
    }

    #[test]
    fn a_country_spanning_steps_is_written_whole() {
        // Northeast Asia has few countries with many points each: Russia's and China's
        // outlines are more than a step each.
        let detail = &Basemap::embedded().details[0];
        let mut projection = LayerProjection::new(detail, DETAIL_DECIMALS);
        let mut paused_inside_a_country = false;
        let layer = loop {
            match projection.step() {
                Progress::More(next) => {
                    paused_inside_a_country |=
                        matches!(next.stage, Stage::Countries { ring, .. } if ring > 0);
                    projection = next;
                }
                Progress::Done(layer) => break layer,
            }
        };
        assert!(paused_inside_a_country);
        assert_eq!(layer, directly(detail, DETAIL_DECIMALS));
    }

    #[test]
    fn finish_does_every_step() {
        let world = &Basemap::embedded().world;
        let started = match LayerProjection::new(world, WORLD_DECIMALS).step() {
            Progress::More(next) => next,
            Progress::Done(_) => panic!("the world takes more than one step"),
        };
        assert_eq!(started.finish(), directly(world, WORLD_DECIMALS));
    }
}
