// The results on a map (its own chunk: Leaflet and its styles load only when the map is shown).
import { useEffect } from 'react';
import { Box, Text } from '@mantine/core';
import L from 'leaflet';
import 'leaflet.markercluster';
import 'leaflet/dist/leaflet.css';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import 'leaflet.markercluster/dist/MarkerCluster.Default.css';
import { MapContainer, TileLayer, useMap } from 'react-leaflet';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { SearchHit } from '@maillage/contracts';
import { hitPath, hitSubtitle } from '../hooks/hits';
import classes from './ResultsMap.module.css';

/** Metropolitan France, when nothing is placed. */
const FRANCE: L.LatLngTuple = [46.6, 2.4];

const markerIcon = L.divIcon({ className: classes.marker, html: '<span></span>', iconSize: [18, 18], iconAnchor: [9, 9], popupAnchor: [0, -10] });

function clusterIcon(cluster: L.MarkerCluster) {
  const count = cluster.getChildCount();
  const size = count < 10 ? 32 : count < 100 ? 40 : 48;
  const html = document.createElement('span');
  html.textContent = String(count);
  return L.divIcon({ className: classes.cluster, html, iconSize: [size, size] });
}

/** A popup built from text nodes only; its link opens the page inside the app. */
function popupContent(hit: SearchHit, open: string, navigate: (path: string) => void): HTMLElement {
  const box = document.createElement('div');
  const path = hitPath(hit);
  const title = document.createElement(path ? 'a' : 'strong');
  title.textContent = hit.title;
  if (path && title instanceof HTMLAnchorElement) {
    title.href = path;
    title.setAttribute('aria-label', `${open} ${hit.title}`);
    title.addEventListener('click', (event) => {
      event.preventDefault();
      navigate(path);
    });
  }
  box.append(title);
  const subtitle = hitSubtitle(hit);
  if (subtitle) {
    const line = document.createElement('div');
    line.textContent = subtitle;
    box.append(line);
  }
  return box;
}

function Markers({ hits }: { hits: SearchHit[] }) {
  const map = useMap();
  const navigate = useNavigate();
  const { t } = useTranslation();
  useEffect(() => {
    const group = L.markerClusterGroup({ iconCreateFunction: clusterIcon, showCoverageOnHover: false, maxClusterRadius: 50 });
    const placed = hits.filter((hit) => hit.location);
    for (const hit of placed) {
      const { lat, lng } = hit.location ?? { lat: 0, lng: 0 };
      const marker = L.marker([lat, lng], { icon: markerIcon, title: hit.title, alt: hit.title, keyboard: true });
      marker.bindPopup(() => popupContent(hit, t('search.map.open'), navigate));
      group.addLayer(marker);
    }
    map.addLayer(group);
    if (placed.length) map.fitBounds(group.getBounds(), { padding: [32, 32], maxZoom: 12 });
    else map.setView(FRANCE, 5);
    return () => {
      map.removeLayer(group);
    };
  }, [hits, map, navigate, t]);
  return null;
}

/** OpenStreetMap tiles (a blank background when they cannot load), clustered markers, popups. */
export default function ResultsMap({ hits, total }: { hits: SearchHit[]; total: number }) {
  const { t } = useTranslation();
  const placed = hits.filter((hit) => hit.location).length;
  return (
    <Box>
      <Text size="sm" mb="xs">
        {t('search.map.shown', { count: placed })}
        {total > hits.length ? ` ${t('search.map.partial', { count: hits.length })}` : null}
      </Text>
      <div className={classes.frame} role="region" aria-label={t('search.map.label')}>
        <MapContainer center={FRANCE} zoom={5} className={classes.map} scrollWheelZoom={false}>
          <TileLayer
            url="https://tile.openstreetmap.org/{z}/{x}/{y}.png"
            attribution='&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>'
            maxZoom={19}
          />
          <Markers hits={hits} />
        </MapContainer>
      </div>
    </Box>
  );
}
