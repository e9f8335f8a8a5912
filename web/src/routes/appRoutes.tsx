import type { RouteObject } from "react-router-dom";
import { AuthProvider } from "../modules/auth/useAuth";
import { App } from "../App";
import { AppToaster } from "../ui/AppToaster";
import { RouteError } from "./RouteError";

/** The app's one route: the app decides the pages; an error while rendering any of them shows
 * the error screen rather than the router's own page. */
export const appRoutes: RouteObject[] = [
  {
    path: "*",
    element: (
      <AuthProvider>
        <App />
        <AppToaster />
      </AuthProvider>
    ),
    errorElement: <RouteError />,
  },
];
