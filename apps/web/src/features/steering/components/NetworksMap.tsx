// The networks of the regional view on a map (its own chunk: Leaflet and its styles load only with the view).
import { useEffect } from 'react';
import { Group, Text } from '@mantine/core';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { MapContainer, TileLayer, useMap } from 'react-leaflet';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { NETWORK_MATURITIES, type RegionalNetworkLine } from '@maillage/contracts';
import { networkSteeringPath } from '../hooks/access';
import classes from './NetworksMap.module.css';

/** Metropolitan France, when nothing is placed. */
const FRANCE: L.LatLngTuple = [46.6, 2.4];

function icon(line: RegionalNetworkLine): L.DivIcon {
  const className = [classes.marker, classes[line.maturity], line.dormant ? classes.dormant : ''].filter(Boolean).join(' ');
  return L.divIcon({ className, html: '<span></span>', iconSize: [18, 18], iconAnchor: [9, 9], popupAnchor: [0, -10] });
}

/**
 * Networks of the same territory share its centre: they are set around it on a small circle, so that
 * each one stays visible and clickable.
 */
export function spread(lines: RegionalNetworkLine[]): { line: RegionalNetworkLine; at: L.LatLngTuple }[] {
  const byPlace = new Map<string, (RegionalNetworkLine & { location: NonNullable<RegionalNetworkLine['location']> })[]>();
  for (const line of lines) {
    if (!line.location) continue;
    const key = `${line.location.lat.toFixed(4)},${line.location.lng.toFixed(4)}`;
    byPlace.set(key, [...(byPlace.get(key) ?? []), { ...line, location: line.location }]);
  }
  return [...byPlace.values()].flatMap((group) =>
    group.map((line, i) => {
      const { lat, lng } = line.location;
      if (group.length === 1) return { line, at: [lat, lng] as L.LatLngTuple };
      const angle = (2 * Math.PI * i) / group.length;
      // About 4 km: apart at the zoom of a département, together at the zoom of a région.
      return { line, at: [lat + 0.035 * Math.sin(angle), lng + 0.05 * Math.cos(angle)] as L.LatLngTuple };
    }),
  );
}

/** A popup built from text nodes only; its link opens the network's steering tab inside the app. */
function popupContent(line: RegionalNetworkLine, details: string, navigate: (path: string) => void): HTMLElement {
  const box = document.createElement('div');
  const link = document.createElement('a');
  const path = networkSteeringPath(line);
  link.href = path;
  link.textContent = line.name;
  link.addEventListener('click', (event) => {
    event.preventDefault();
    navigate(path);
  });
  const text = document.createElement('div');
  text.textContent = details;
  box.append(link, text);
  return box;
}

function Markers({ lines }: { lines: RegionalNetworkLine[] }) {
  const map = useMap();
  const navigate = useNavigate();
  const { t } = useTranslation();
  useEffect(() => {
    const group = L.featureGroup();
    for (const { line, at } of spread(lines)) {
      const marker = L.marker(at, { icon: icon(line), title: line.name, alt: line.name, keyboard: true });
      const details = [
        t(`networks.types.${line.type}`),
        t(`networks.maturities.${line.maturity}`),
        t('steering.territory.membersCount', { count: line.members }),
      ].join(' · ');
      marker.bindPopup(() => popupContent(line, details, navigate));
      group.addLayer(marker);
    }
    map.addLayer(group);
    if (group.getLayers().length) map.fitBounds(group.getBounds(), { padding: [32, 32], maxZoom: 10 });
    else map.setView(FRANCE, 5);
    return () => {
      map.removeLayer(group);
    };
  }, [lines, map, navigate, t]);
  return null;
}

/** Each placed network at its territory's centre, coloured by maturity, ringed in red when dormant. */
export default function NetworksMap({ lines }: { lines: RegionalNetworkLine[] }) {
  const { t } = useTranslation();
  const placed = lines.filter((line) => line.location).length;
  return (
    <div>
      <Text size="sm" mb="xs">
        {t('steering.territory.mapPlaced', { count: placed, total: lines.length })}
      </Text>
      <div className={classes.frame} role="region" aria-label={t('steering.territory.mapLabel')}>
        <MapContainer center={FRANCE} zoom={5} className={classes.map} scrollWheelZoom={false}>
          <TileLayer
            url="https://tile.openstreetmap.org/{z}/{x}/{y}.png"
            attribution='&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>'
            maxZoom={19}
          />
          <Markers lines={lines} />
        </MapContainer>
      </div>
      <Group gap="md" mt="xs" aria-label={t('steering.territory.legend')} role="list">
        {NETWORK_MATURITIES.map((maturity) => (
          <Group key={maturity} gap={6} role="listitem">
            <span className={`${classes.marker} ${classes[maturity]}`} aria-hidden>
              <span />
            </span>
            <Text size="sm">{t(`networks.maturities.${maturity}`)}</Text>
          </Group>
        ))}
        <Group gap={6} role="listitem">
          <span className={`${classes.marker} ${classes.emergence} ${classes.dormant}`} aria-hidden>
            <span />
          </span>
          <Text size="sm">{t('steering.territory.dormantLegend')}</Text>
        </Group>
      </Group>
    </div>
  );
}
