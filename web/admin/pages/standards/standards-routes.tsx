import { Route, Routes } from 'react-router-dom';
import { RequirePermission } from '../../auth/require-permission';
import { StandardCreatePage, StandardEditPage } from './standard-edit-page';
import { StandardViewPage } from './standard-view-page';
import { StandardsListPage } from './standards-list-page';

/** Everything under /standards: list, viewer, editor and the new-standard editor. */
export function StandardsRoutes() {
  return (
    <Routes>
      <Route index element={<StandardsListPage />} />
      <Route path="new" element={<RequirePermission permission="standard:write"><StandardCreatePage /></RequirePermission>} />
      <Route path=":id" element={<StandardViewPage />} />
      <Route path=":id/edit" element={<StandardEditPage />} />
    </Routes>
  );
}
