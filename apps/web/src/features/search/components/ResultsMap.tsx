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
import type { SearchMapPoint } from '@maillage/contracts';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { hitPath } from '../hooks/hits';
import type { SearchFilters } from '../hooks/searchFilters';
import { useSearchMap } from '../hooks/useSearch';
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
function popupContent(hit: SearchMapPoint, open: string, navigate: (path: string) => void): HTMLElement {
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
  return box;
}

function Markers({ hits }: { hits: SearchMapPoint[] }) {
  const map = useMap();
  const navigate = useNavigate();
  const { t } = useTranslation();
  useEffect(() => {
    const group = L.markerClusterGroup({ iconCreateFunction: clusterIcon, showCoverageOnHover: false, maxClusterRadius: 50 });
    const placed = hits;
    for (const hit of placed) {
      const marker = L.marker([hit.lat, hit.lng], { icon: markerIcon, title: hit.title, alt: hit.title, keyboard: true });
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

/**
 * Every placed result of the search (not only the page): OpenStreetMap tiles (a blank background when
 * they cannot load), clustered markers, popups.
 */
export default function ResultsMap({ filters }: { filters: SearchFilters }) {
  const { t } = useTranslation();
  const map = useSearchMap(filters);
  if (map.isError) return <ErrorAlert error={map.error} title={t('search.error')} onRetry={() => void map.refetch()} />;
  const points = map.data?.points ?? [];
  return (
    <Box aria-busy={map.isFetching}>
      <Text size="sm" mb="xs" role="status">
        {map.data ? t('search.map.shown', { count: points.length }) : t('common.loading')}
        {map.data?.truncated ? ` ${t('search.map.partial', { count: points.length })}` : null}
      </Text>
      <div className={classes.frame} role="region" aria-label={t('search.map.label')}>
        <MapContainer center={FRANCE} zoom={5} className={classes.map} scrollWheelZoom={false}>
          <TileLayer
            url="https://tile.openstreetmap.org/{z}/{x}/{y}.png"
            attribution='&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>'
            maxZoom={19}
          />
          <Markers hits={points} />
        </MapContainer>
      </div>
    </Box>
  );
}
